package dev.tokensmith.adapter.persistence;

import dev.tokensmith.application.port.out.PersonalTokenFilter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * What the paged lists share: the SQL conditions of a {@link PersonalTokenFilter} (fixed fragments
 * of {@link TokenSql}, values bound by name, so no caller text ever becomes SQL), capped counts and
 * the planner's estimate of a count.
 */
final class ListQueries {
  private static final Pattern PLAN_ROWS = Pattern.compile("\"Plan Rows\":\\s*(\\d+)");

  private ListQueries() {}

  /** The conditions of a filter and the values they bind. */
  record Conditions(List<String> sql, Map<String, Object> values) {
    static Conditions of(PersonalTokenFilter filter) {
      List<String> sql = new ArrayList<>();
      Map<String, Object> values = new LinkedHashMap<>();
      filter.owner().forEach(owner -> add(sql, values, TokenSql.OWNER, "owner", owner.value()));
      filter
          .applicationLowerCase()
          .forEach(
              text ->
                  add(
                      sql,
                      values,
                      TokenSql.APPLICATION_CONTAINS,
                      "applicationPattern",
                      "%" + escapeLike(text) + "%"));
      filter.scope().forEach(scope -> add(sql, values, TokenSql.SCOPE, "scope", scope));
      filter.expiredBy().forEach(at -> add(sql, values, TokenSql.EXPIRED_BY, "expiredBy", at));
      filter.liveAt().forEach(at -> add(sql, values, TokenSql.LIVE_AT, "liveAt", at));
      filter
          .expiresBefore()
          .forEach(at -> add(sql, values, TokenSql.EXPIRES_BEFORE, "expiresBefore", at));
      filter
          .unusedSince()
          .forEach(at -> add(sql, values, TokenSql.UNUSED_SINCE, "unusedSince", at));
      filter
          .stopped()
          .forEach(
              stopped -> {
                values.put("stoppedAt", stopped.at());
                if (stopped.inactiveBy().isEmpty()) {
                  sql.add(TokenSql.STOPPED);
                } else if (stopped.inactivityCountsFrom().isEmpty()) {
                  sql.add(TokenSql.STOPPED_OR_INACTIVE);
                  values.put("inactiveBy", stopped.inactiveBy().get());
                } else {
                  sql.add(TokenSql.STOPPED_OR_INACTIVE_COUNTING_FROM);
                  values.put("inactiveBy", stopped.inactiveBy().get());
                  values.put("inactivityCountsFrom", stopped.inactivityCountsFrom().get());
                }
              });
      return new Conditions(List.copyOf(sql), Map.copyOf(values));
    }

    private static void add(
        List<String> sql, Map<String, Object> values, String condition, String name, Object value) {
      sql.add(condition);
      values.put(name, value);
    }

    <S extends SqlStatement<S>> S bind(S statement) {
      values.forEach(statement::bind);
      return statement;
    }
  }

  /** {@code text} matched literally by LIKE (whose escape character is the backslash). */
  static String escapeLike(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }

  /** How many rows {@code from} (a FROM … WHERE clause) has, counting at most {@code cap}. */
  static long countUpTo(Handle handle, String from, Conditions conditions, long cap) {
    return conditions
        .bind(handle.createQuery(TokenSql.countUpTo(from)))
        .bind("cap", cap)
        .mapTo(Long.class)
        .one();
  }

  /**
   * The planner's estimate of how many rows {@code from} has: read from the statistics by {@code
   * EXPLAIN}, without reading a row.
   */
  static long estimate(Handle handle, String from, Conditions conditions) {
    String plan =
        conditions
            .bind(handle.createQuery("EXPLAIN (FORMAT JSON) SELECT 1 " + from))
            .mapTo(String.class)
            .one();
    Matcher rows = PLAN_ROWS.matcher(plan);
    return rows.find() ? Long.parseLong(rows.group(1)) : 0;
  }
}
