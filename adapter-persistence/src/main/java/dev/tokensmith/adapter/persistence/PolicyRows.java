package dev.tokensmith.adapter.persistence;

import dev.tokensmith.domain.account.Profile;
import dev.tokensmith.domain.policy.TokenPolicy;
import dev.tokensmith.domain.policy.TokenPolicy.ProfileGrant;
import dev.tokensmith.domain.policy.TokenPolicy.RetiringProfile;
import dev.tokensmith.domain.token.Scope;
import io.vavr.control.Option;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The {@code token_policy} row and its translation: profile grants and retiring profiles are text
 * arrays of {@code profile TAB rest} entries (a profile name holds no TAB: it is a storable name).
 */
final class PolicyRows {
  private PolicyRows() {}

  /** The policy's columns, in the order {@link #read} expects them. */
  static final String COLUMNS =
      "p.version, p.max_lifetime_days, p.expiry_required, p.inactivity_days,"
          + " p.inactivity_counts_from, p.refresh_grace_seconds, p.profile_scopes,"
          + " p.retiring_profiles";

  /** How many columns {@link #COLUMNS} has. */
  static final int COUNT = 8;

  static final String CURRENT = "SELECT " + COLUMNS + " FROM token_policy p WHERE p.id = 1";

  static final String SEED =
      """
      INSERT INTO token_policy (id, version, max_lifetime_days, expiry_required, inactivity_days,
                                inactivity_counts_from, refresh_grace_seconds, profile_scopes,
                                retiring_profiles, changed_at, changed_by)
      VALUES (1, 0, :maxLifetimeDays, :expiryRequired, :inactivityDays,
              CAST(:inactivityCountsFrom AS timestamptz), :refreshGraceSeconds,
              :profileScopes, :retiringProfiles, NULL, NULL)
      ON CONFLICT (id) DO NOTHING
      """;

  static final String REPLACE =
      """
      UPDATE token_policy
      SET version = :version, max_lifetime_days = :maxLifetimeDays,
          expiry_required = :expiryRequired, inactivity_days = :inactivityDays,
          inactivity_counts_from = CAST(:inactivityCountsFrom AS timestamptz),
          refresh_grace_seconds = :refreshGraceSeconds, profile_scopes = :profileScopes,
          retiring_profiles = :retiringProfiles, changed_at = :at, changed_by = :actor
      WHERE id = 1 AND version = :expectedVersion
      """;

  /** The version at column {@code first}; none when the row is absent (a left join's nulls). */
  static Option<Long> version(ResultSet row, int first) throws SQLException {
    long version = row.getLong(first);
    return row.wasNull() ? Option.none() : Option.some(version);
  }

  /** The policy from the {@link #COUNT} columns from {@code first} on. */
  static TokenPolicy read(ResultSet row, int first) throws SQLException {
    return new TokenPolicy(
        row.getLong(first),
        intOption(row, first + 1),
        row.getBoolean(first + 2),
        intOption(row, first + 3),
        Option.of(row.getObject(first + 4, OffsetDateTime.class)).map(OffsetDateTime::toInstant),
        Duration.ofSeconds(row.getLong(first + 5)),
        grants(strings(row, first + 6)),
        retiring(strings(row, first + 7)));
  }

  private static Option<Integer> intOption(ResultSet row, int column) throws SQLException {
    int value = row.getInt(column);
    return row.wasNull() ? Option.none() : Option.some(value);
  }

  private static List<String> strings(ResultSet row, int column) throws SQLException {
    Array array = row.getArray(column);
    if (array == null) {
      return List.of();
    }
    try {
      return List.of((String[]) array.getArray());
    } finally {
      array.free();
    }
  }

  private static List<ProfileGrant> grants(List<String> entries) {
    List<ProfileGrant> grants = new ArrayList<>();
    for (String entry : entries) {
      int tab = entry.indexOf('\t');
      if (tab < 0) {
        grants.add(new ProfileGrant(new Profile(entry), Option.none()));
        continue;
      }
      Set<Scope> scopes = new LinkedHashSet<>();
      for (String name : entry.substring(tab + 1).split(" ")) {
        if (!name.isEmpty()) {
          scopes.add(new Scope(name));
        }
      }
      grants.add(new ProfileGrant(new Profile(entry.substring(0, tab)), Option.some(scopes)));
    }
    return grants;
  }

  private static List<RetiringProfile> retiring(List<String> entries) {
    List<RetiringProfile> retiring = new ArrayList<>();
    for (String entry : entries) {
      int tab = entry.lastIndexOf('\t');
      retiring.add(
          new RetiringProfile(
              new Profile(entry.substring(0, tab)), Instant.parse(entry.substring(tab + 1))));
    }
    return retiring;
  }

  static String[] grantEntries(TokenPolicy policy) {
    return policy.personalTokenProfiles().stream()
        .map(
            g ->
                g.profile().name()
                    + g.scopes()
                        .map(
                            set ->
                                "\t"
                                    + String.join(
                                        " ", set.stream().map(Scope::name).sorted().toList()))
                        .getOrElse(""))
        .toArray(String[]::new);
  }

  static String[] retiringEntries(TokenPolicy policy) {
    return policy.retiringProfiles().stream()
        .map(r -> r.profile().name() + "\t" + r.until())
        .toArray(String[]::new);
  }
}
