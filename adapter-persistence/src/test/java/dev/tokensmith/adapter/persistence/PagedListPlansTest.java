package dev.tokensmith.adapter.persistence;

import static dev.tokensmith.application.contract.ContractFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tokensmith.application.contract.ContractFixtures;
import dev.tokensmith.application.port.out.PersonalTokenFilter;
import dev.tokensmith.domain.account.Profile;
import dev.tokensmith.domain.account.User;
import io.vavr.control.Option;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Test;

/**
 * The plans of the paged lists on a table of 20 000 tokens: each page is read on an index in list
 * order and stops after its rows, never a scan or a sort of the table (and the count never counts
 * it). The rows are inserted in a transaction that is rolled back, statistics included.
 */
class PagedListPlansTest {
  private static final int TOKENS = 20_000;
  private final PostgresAdapters adapters = TestDatabase.adapters();

  @Test
  void thePagesOfEveryListAreReadInOrderOnAnIndexAndStopAtTheirLimit() {
    User owner = ContractFixtures.user(adapters.accounts(), Profile.REST_SERVICES_USER);
    Map<String, Map<String, Object>> unfiltered = new LinkedHashMap<>();
    Map<String, Object> deep =
        Map.of("limit", 21, "afterAt", T0.plusSeconds(15_000), "afterId", UUID.randomUUID());
    unfiltered.put(TokenSql.personalTokensPage(List.of(), false), Map.of("limit", 21));
    unfiltered.put(TokenSql.personalTokensPage(List.of(), true), deep);
    Map<String, Object> ownerDeep = new LinkedHashMap<>(deep);
    ownerDeep.put("owner", owner.id().value());
    unfiltered.put(
        TokenSql.personalTokensPage(List.of(TokenSql.OWNER), false),
        Map.of("limit", 21, "owner", owner.id().value()));
    unfiltered.put(TokenSql.personalTokensPage(List.of(TokenSql.OWNER), true), ownerDeep);
    unfiltered.put(TokenSql.applicationTokensPage(false), Map.of("limit", 21));
    unfiltered.put(TokenSql.applicationTokensPage(true), deep);
    // the token policy's check pages through every token of both kinds
    unfiltered.put(TokenSql.policySubjectsPage(false), Map.of("limit", 500));
    unfiltered.put(
        TokenSql.policySubjectsPage(true),
        Map.of("limit", 500, "afterAt", T0.plusSeconds(15_000), "afterId", UUID.randomUUID()));
    unfiltered.put(AccountSql.USERS, Map.of("limit", 21));
    unfiltered.put(AccountSql.USERS_AFTER, Map.of("limit", 21, "after", "m"));
    withTokens(
        owner,
        handle ->
            unfiltered.forEach(
                (sql, parameters) -> {
                  String plan = plan(handle, sql, parameters);
                  assertThat(plan).as(sql).contains("Limit").contains("Index");
                  assertThat(plan).as(sql).doesNotContain("Seq Scan").doesNotContain("Sort");
                }));
  }

  @Test
  void everyFilterIsAnsweredOnAnIndexWithoutScanningTheTable() {
    User owner = ContractFixtures.user(adapters.accounts(), Profile.REST_SERVICES_USER);
    Instant now = T0.plus(Duration.ofDays(30));
    List<PersonalTokenFilter> filters =
        List.of(
            filter(
                Option.some("script 12"),
                Option.none(),
                Option.none(),
                Option.none(),
                Option.none()),
            filter(
                Option.none(), Option.some("export"), Option.none(), Option.none(), Option.none()),
            filter(Option.none(), Option.none(), Option.some(now), Option.none(), Option.none()),
            filter(
                Option.none(),
                Option.none(),
                Option.none(),
                Option.some(now.plus(Duration.ofDays(7))),
                Option.none()),
            filter(Option.none(), Option.none(), Option.none(), Option.none(), Option.some(now)));
    withTokens(
        owner,
        handle -> {
          // a filter that matches few rows may use an index other than the list order's; what
          // must never happen is reading the table itself
          handle.execute("SET LOCAL enable_seqscan = off");
          for (PersonalTokenFilter filter : filters) {
            for (PersonalTokenFilter scoped :
                List.of(filter, filter.withOwner(Option.some(owner.id())))) {
              ListQueries.Conditions conditions = ListQueries.Conditions.of(scoped);
              for (boolean after : List.of(false, true)) {
                Map<String, Object> parameters = new LinkedHashMap<>(conditions.values());
                parameters.put("limit", 21);
                if (after) {
                  parameters.put("afterAt", T0.plusSeconds(10_000));
                  parameters.put("afterId", UUID.randomUUID());
                }
                String sql = TokenSql.personalTokensPage(conditions.sql(), after);
                assertThat(plan(handle, sql, parameters))
                    .as(sql + parameters)
                    .doesNotContain("Seq Scan");
              }
            }
          }
        });
  }

  @Test
  void aCountOfALargeListIsAnEstimateReadWithoutCountingTheTable() {
    User owner = ContractFixtures.user(adapters.accounts(), Profile.REST_SERVICES_USER);
    withTokens(
        owner,
        handle -> {
          ListQueries.Conditions none = ListQueries.Conditions.of(PersonalTokenFilter.NONE);
          String rows = TokenSql.personalTokensWhere(none.sql());
          assertThat(ListQueries.countUpTo(handle, rows, none, 10_001)).isEqualTo(10_001);
          long estimate = ListQueries.estimate(handle, rows, none);
          assertThat(estimate).isBetween(TOKENS / 2L, TOKENS * 2L);
          // whichever way the rows are read, the reading stops at the cap
          assertThat(plan(handle, TokenSql.countUpTo(rows), Map.of("cap", 10_001)).lines())
              .element(1)
              .asString()
              .contains("Limit")
              .contains("rows=10001");
        });
  }

  private static PersonalTokenFilter filter(
      Option<String> application,
      Option<String> scope,
      Option<Instant> expiredBy,
      Option<Instant> expiresBefore,
      Option<Instant> unusedSince) {
    return new PersonalTokenFilter(
        Option.none(),
        application,
        scope,
        expiredBy,
        expiresBefore.map(at -> at.minus(Duration.ofDays(7))),
        expiresBefore,
        unusedSince);
  }

  private void withTokens(User owner, java.util.function.Consumer<Handle> check) {
    adapters
        .jdbi()
        .useTransaction(
            handle -> {
              assertThat(BulkTokens.insert(handle, owner.id(), TOKENS, T0)).isEqualTo(TOKENS);
              handle.execute("ANALYZE tokens");
              try {
                check.accept(handle);
              } finally {
                handle.rollback();
              }
            });
  }

  private static String plan(Handle handle, String sql, Map<String, Object> parameters) {
    var explain = handle.createQuery("EXPLAIN " + sql);
    parameters.forEach(explain::bind);
    return String.join("\n", explain.mapTo(String.class).list());
  }
}
