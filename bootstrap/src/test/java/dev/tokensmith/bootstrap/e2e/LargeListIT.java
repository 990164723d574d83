package dev.tokensmith.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tokensmith.adapter.persistence.Database;
import dev.tokensmith.adapter.persistence.DatabaseConfig;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The administrators' list of every personal token, walked to its end through a large table by the
 * packaged service in a small heap, while another connection inserts and deletes tokens: every
 * token that exists throughout the walk is seen exactly once and the service never runs out of
 * memory. The table is filled with one SQL statement; its size is {@code
 * -Dtokensmith.largeList.tokens} (the build's default keeps CI short; docs/paging.md gives the runs
 * with 200 000 and 1 000 000 tokens).
 */
class LargeListIT {
  private static final int TOKENS = Integer.getInteger("tokensmith.largeList.tokens", 50_000);
  private static final String HEAP = System.getProperty("tokensmith.largeList.heap", "64m");
  private static final Instant T0 = Instant.parse("2020-01-01T00:00:00Z");
  private static final ObjectMapper JSON = new ObjectMapper();

  private static final String FILL =
      """
      INSERT INTO tokens (id, kind, owner_user_id, application, scopes, digest, created_at,
                          expires_at)
      SELECT gen_random_uuid(), 'personal', ?, 'script ' || i, ARRAY['rest'],
             'hmac-sha256$bulk$' || md5(i::text),
             CAST(? AS timestamptz) + i * interval '1 second',
             CASE WHEN i % 3 = 0 THEN CAST(? AS timestamptz) + (i % 90) * interval '1 day' END
      FROM generate_series(1, ?) AS i
      """;

  private static final String ADD_ONE =
      """
      INSERT INTO tokens (id, kind, owner_user_id, application, scopes, digest, created_at)
      VALUES (?, 'personal', ?, ?, ARRAY['rest'], 'hmac-sha256$bulk$x', CAST(? AS timestamptz))
      """;

  @Test
  void theWholeListIsWalkedOnceInASmallHeapWhileTokensComeAndGo() throws Exception {
    Path directory = Files.createTempDirectory("tokensmith-large-list");
    // the database picks its own free port: none is chosen first and bound later
    try (Database database = Database.start(DatabaseConfig.embedded(directory.resolve("db")))) {
      ServiceJar.Running service =
          ServiceJar.startOn(database, directory.resolve("service"), List.of("-Xmx" + HEAP));
      try {
        long owner;
        try (Connection connection = database.dataSource().getConnection();
            Statement statement = connection.createStatement();
            ResultSet admin =
                statement.executeQuery("SELECT id FROM users WHERE login = 'admin'")) {
          assertThat(admin.next()).isTrue();
          owner = admin.getLong(1);
        }
        long fillStarted = System.nanoTime();
        try (Connection connection = database.dataSource().getConnection();
            PreparedStatement fill = connection.prepareStatement(FILL)) {
          fill.setLong(1, owner);
          fill.setString(2, T0.toString());
          fill.setString(3, T0.toString());
          fill.setInt(4, TOKENS);
          assertThat(fill.executeUpdate()).isEqualTo(TOKENS);
          connection.createStatement().execute("ANALYZE tokens");
        }
        System.out.printf(
            "LargeListIT: %d tokens inserted in %d ms%n",
            TOKENS, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - fillStarted));

        walkWhileTokensComeAndGo(database, service.http(), owner, service.output());
      } finally {
        ServiceJar.stop(service);
      }
      assertThat(service.printed()).doesNotContain("OutOfMemoryError");
    }
  }

  private void walkWhileTokensComeAndGo(
      Database database, Http http, long owner, List<String> output) throws Exception {
    String cookie = ServiceJar.session(http)[0];

    Set<String> seen = new HashSet<>();
    List<String> duplicates = new ArrayList<>();
    Set<String> deleted = Collections.synchronizedSet(new HashSet<>());
    Set<String> addedAhead = Collections.synchronizedSet(new HashSet<>());
    Set<String> addedBehind = Collections.synchronizedSet(new HashSet<>());
    AtomicBoolean stop = new AtomicBoolean();
    AtomicReference<Throwable> changeFailure = new AtomicReference<>();
    Thread changes =
        new Thread(
            () -> {
              try {
                changeTokens(database, owner, stop, deleted, addedAhead, addedBehind);
              } catch (Throwable e) {
                changeFailure.set(e);
              }
            },
            "large-list-changes");

    long started = System.nanoTime();
    long heapMax = 0;
    int pages = 0;
    String next = "/api/v1/admin/personal-tokens?limit=100";
    try {
      while (next != null) {
        HttpResponse<String> page = http.get(next, "Cookie", cookie);
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        for (JsonNode token : JSON.readTree(page.body())) {
          String id = token.get("id").asText();
          if (!seen.add(id)) {
            duplicates.add(id);
          }
        }
        pages++;
        if (pages == 1) {
          // from now on tokens come and go; the newest page was read before
          changes.start();
        }
        if (pages % 50 == 0) {
          heapMax = Math.max(heapMax, heapUsed(http));
        }
        if (seen.size() > TOKENS * 9L / 10) {
          // the last tenth of the walk runs on a table that no longer changes
          stop.set(true);
        }
        String cursor = page.headers().firstValue("X-Next-Cursor").orElse(null);
        next = cursor == null ? null : "/api/v1/admin/personal-tokens?limit=100&cursor=" + cursor;
      }
    } finally {
      stop.set(true);
      changes.join(30_000);
    }
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    heapMax = Math.max(heapMax, heapUsed(http));
    System.out.printf(
        "LargeListIT: %d pages, %d tokens seen in %d ms (%.2f ms a page), heap used at most %d MiB"
            + " of %s; %d deleted, %d added ahead, %d added behind meanwhile%n",
        pages,
        seen.size(),
        millis,
        (double) millis / pages,
        heapMax >> 20,
        HEAP,
        deleted.size(),
        addedAhead.size(),
        addedBehind.size());

    assertThat(changeFailure.get()).isNull();
    assertThat(duplicates).as("tokens seen twice").isEmpty();
    assertThat(deleted).as("tokens deleted during the walk").isNotEmpty();
    Set<String> throughout = new HashSet<>();
    try (Connection connection = database.dataSource().getConnection();
        Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "SELECT id FROM tokens WHERE kind = 'personal' AND application LIKE 'script %'")) {
      while (rows.next()) {
        throughout.add(TokenIds.text(UUID.fromString(rows.getString(1))));
      }
    }
    assertThat(throughout).hasSize(TOKENS - deleted.size());
    Set<String> missed = new HashSet<>(throughout);
    missed.removeAll(seen);
    assertThat(missed).as("tokens there throughout the walk but not seen").isEmpty();
    assertThat(seen).containsAll(addedAhead);
    assertThat(seen).doesNotContainAnyElementsOf(addedBehind);
    assertThat(output).noneMatch(line -> line.contains("OutOfMemoryError"));
  }

  /**
   * Until {@code stop}: deletes bulk tokens at random, and adds tokens older than every bulk one
   * (ahead of the walk, which is newest first) and newer than every one (behind it).
   */
  private static void changeTokens(
      Database database,
      long owner,
      AtomicBoolean stop,
      Set<String> deleted,
      Set<String> addedAhead,
      Set<String> addedBehind)
      throws Exception {
    try (Connection connection = database.dataSource().getConnection();
        PreparedStatement delete =
            connection.prepareStatement(
                "DELETE FROM tokens WHERE kind = 'personal' AND created_at = CAST(? AS timestamptz)"
                    + " AND application LIKE 'script %' RETURNING id");
        PreparedStatement add = connection.prepareStatement(ADD_ONE)) {
      int round = 0;
      while (!stop.get()) {
        round++;
        int i = 1 + ThreadLocalRandom.current().nextInt(TOKENS);
        delete.setString(1, T0.plusSeconds(i).toString());
        try (ResultSet gone = delete.executeQuery()) {
          while (gone.next()) {
            deleted.add(TokenIds.text(UUID.fromString(gone.getString(1))));
          }
        }
        for (boolean ahead : new boolean[] {true, false}) {
          UUID id = UUID.randomUUID();
          add.setObject(1, id);
          add.setLong(2, owner);
          add.setString(3, ahead ? "added ahead " + round : "added behind " + round);
          add.setString(
              4,
              (ahead ? T0.minusSeconds(round) : T0.plusSeconds(TOKENS + 1_000L + round))
                  .toString());
          add.executeUpdate();
          (ahead ? addedAhead : addedBehind).add(TokenIds.text(id));
        }
        Thread.sleep(5);
      }
    }
  }

  /** The service's heap in use now, from its Prometheus metrics. */
  static long heapUsed(Http http) {
    String metrics = http.get("/metrics").body();
    Matcher used =
        Pattern.compile("(?m)^jvm_memory_used_bytes\\{area=\"heap\"[^}]*\\} ([0-9.E+]+)$")
            .matcher(metrics);
    double sum = 0;
    while (used.find()) {
      sum += Double.parseDouble(used.group(1));
    }
    return (long) sum;
  }

  /** Token ids as the API writes them: base62 of the 16 bytes, 22 characters. */
  private static final class TokenIds {
    static String text(UUID id) {
      return dev.tokensmith.domain.token.TokenId.of(id).text();
    }
  }
}
