package dev.tokensmith.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokensmith.application.fake.MutableClock;
import dev.tokensmith.bootstrap.ServiceInternals;
import dev.tokensmith.bootstrap.TokensmithService;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * A benchmark, not a test (no time is asserted; the name does not end in IT, so the build never
 * runs it): how long saving the token policy takes, inside the HTTP request, when every one of a
 * million personal tokens (filled with SQL) is checked against it. Run with
 *
 * <pre>mvn -B verify -pl bootstrap -am -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dit.test=PolicySaveBenchmark -Dfailsafe.failIfNoSpecifiedTests=false</pre>
 *
 * ({@code -Dtokensmith.bench.tokens=100000} for another size). docs/policy.md has a run.
 */
class PolicySaveBenchmark {
  private static final String ADMIN_PASSWORD = "an admin password for tests";
  private static final Instant T0 = Instant.parse("2026-06-01T08:00:00Z");
  private static final String PROFILES =
      "[{\"profile\":\"Administrator\",\"scopes\":null},"
          + "{\"profile\":\"REST Services User\",\"scopes\":null}]";

  private static final String FILL =
      """
      INSERT INTO tokens (id, kind, owner_user_id, application, scopes, digest, created_at,
                          expires_at)
      SELECT gen_random_uuid(), 'personal', ?, 'script ' || i, ARRAY['rest'],
             'hmac-sha256$bulk$' || md5(i::text),
             CAST(? AS timestamptz) - interval '100 days' + i * interval '1 millisecond',
             CAST(? AS timestamptz) + (1 + i % 90) * interval '1 day'
      FROM generate_series(?, ?) AS i
      """;

  @Test
  void savingThePolicyChecksAMillionTokens() throws Exception {
    long tokens = Long.getLong("tokensmith.bench.tokens", 1_000_000);
    Path directory = Files.createTempDirectory("tokensmith-policy-bench");
    MutableClock clock = new MutableClock(T0);
    try (TokensmithService service = InJvmService.start(directory, ADMIN_PASSWORD, clock)) {
      Http http = new Http(service.port());
      long fillStarted = System.nanoTime();
      try (Connection connection = ServiceInternals.dataSource(service).getConnection()) {
        long owner;
        try (Statement statement = connection.createStatement();
            ResultSet admin =
                statement.executeQuery("SELECT id FROM users WHERE login = 'admin'")) {
          assertThat(admin.next()).isTrue();
          owner = admin.getLong(1);
        }
        // in chunks: each statement stays well within the pool's socket time limit
        for (long from = 1; from <= tokens; from += 50_000) {
          try (PreparedStatement fill = connection.prepareStatement(FILL)) {
            fill.setLong(1, owner);
            fill.setTimestamp(2, Timestamp.from(T0));
            fill.setTimestamp(3, Timestamp.from(T0));
            fill.setLong(4, from);
            fill.setLong(5, Math.min(tokens, from + 49_999));
            fill.executeUpdate();
          }
        }
        try (Statement statement = connection.createStatement()) {
          statement.execute("ANALYZE tokens");
        }
      }
      System.out.printf(
          "filled %,d tokens in %.1f s%n", tokens, (System.nanoTime() - fillStarted) / 1e9);
      String[] session = http.signIn("admin", ADMIN_PASSWORD);
      // every token fits (they expire within 90 days): the check reads them all, writes nothing
      report(http, session, "fits, saved", policy("365", false));
      // two in three no longer fit a 30-day maximum: counted and listed, nothing written
      report(http, session, "2/3 misfit, dryRun", policy("30", true));
      // the same tightening saved: a deadline, an audit event and its notification per misfit
      report(http, session, "2/3 misfit, saved", policy("30", false));
    }
  }

  private static String policy(String maxLifetimeDays, boolean dryRun) {
    return "{\"maxLifetimeDays\":"
        + maxLifetimeDays
        + ",\"expiryRequired\":false,\"inactivityDays\":null,\"refreshGraceSeconds\":0,"
        + "\"personalTokenProfiles\":"
        + PROFILES
        + ",\"dryRun\":"
        + dryRun
        + "}";
  }

  private static void report(Http http, String[] session, String what, String body) {
    long started = System.nanoTime();
    HttpResponse<String> saved;
    try {
      // no client time limit: the point is how long it takes
      saved =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(http.base() + "/api/v1/admin/policy"))
                      .headers(session)
                      .header("Content-Type", "application/json")
                      .PUT(HttpRequest.BodyPublishers.ofString(body))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new AssertionError(e);
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
    System.out.printf(
        "PUT /api/v1/admin/policy (%s): %.1f s, affectedCount %d%n",
        what, seconds, Http.number(saved.body(), "affectedCount"));
  }
}
