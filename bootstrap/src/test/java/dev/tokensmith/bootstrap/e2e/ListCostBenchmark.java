package dev.tokensmith.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokensmith.adapter.persistence.Database;
import dev.tokensmith.adapter.persistence.DatabaseConfig;
import dev.tokensmith.domain.token.TokenId;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A benchmark, not a test (no time is asserted; the name does not end in IT, so the build never
 * runs it): the packaged service at {@code -Xmx256m} on one table grown to 10³, 10⁵ and 10⁶
 * personal tokens (filled with SQL), and the median time of an authentication, of the first page
 * and of a deep page (the middle of the list) of each list, side by side. Run with
 *
 * <pre>mvn -B verify -pl bootstrap -am -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dit.test=ListCostBenchmark -Dfailsafe.failIfNoSpecifiedTests=false</pre>
 *
 * ({@code -Dtokensmith.bench.sizes=1000,100000} for other sizes). docs/performance.md has a run.
 */
class ListCostBenchmark {
  private static final Instant T0 = Instant.parse("2020-01-01T00:00:00Z");
  private static final int ROUNDS = Integer.getInteger("tokensmith.bench.rounds", 60);

  private static final String FILL =
      """
      INSERT INTO tokens (id, kind, owner_user_id, application, scopes, digest, created_at,
                          expires_at, use_count, last_used_at, last_used_ip)
      SELECT gen_random_uuid(), 'personal', ?, 'script ' || i,
             CASE WHEN i % 4 = 0 THEN ARRAY['rest', 'export'] ELSE ARRAY['rest'] END,
             'hmac-sha256$bulk$' || md5(i::text),
             CAST(? AS timestamptz) + i * interval '1 second',
             CASE WHEN i % 3 = 0 THEN now() + (i % 90) * interval '1 day' END,
             CASE WHEN i % 10 = 0 THEN 1 ELSE 0 END,
             CASE WHEN i % 10 = 0 THEN now() END,
             CASE WHEN i % 10 = 0 THEN '192.0.2.1' END
      FROM generate_series(?, ?) AS i
      """;

  @Test
  void listsCostTheSameWhateverTheNumberOfTokens() throws Exception {
    long[] sizes =
        Arrays.stream(
                System.getProperty("tokensmith.bench.sizes", "1000,100000,1000000").split(","))
            .mapToLong(Long::parseLong)
            .toArray();
    Path directory = Files.createTempDirectory("tokensmith-list-bench");
    Map<Long, Map<String, Double>> results = new LinkedHashMap<>();
    Map<Long, Long> heaps = new LinkedHashMap<>();
    try (Database database = Database.start(DatabaseConfig.embedded(directory.resolve("db")))) {
      ServiceJar.Running service =
          ServiceJar.startOn(database, directory.resolve("service"), List.of("-Xmx256m"));
      Http http = service.http();
      try {
        String[] session = ServiceJar.session(http);
        String cookie = session[0];
        HttpResponse<String> created =
            http.send(
                "POST",
                "/api/v1/me/tokens",
                "{\"application\":\"benchmark\",\"scopes\":[\"rest\"]}",
                "Cookie",
                cookie,
                "X-CSRF-Token",
                session[1]);
        String token = Http.field(created.body(), "secret");
        long owner = ownerId(database);
        long filled = 0;
        for (long size : sizes) {
          long started = System.nanoTime();
          fill(database, owner, filled + 1, size);
          filled = size;
          System.out.printf(
              "ListCostBenchmark: %d tokens (filled in %d s)%n",
              size, TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started));
          String deep = "&cursor=" + middleCursor(database, size / 2);
          Map<String, String> requests = new LinkedHashMap<>();
          requests.put("authentication (GET /api/v1/tokens/self)", "/api/v1/tokens/self");
          requests.put("admin list, first page", "/api/v1/admin/personal-tokens?limit=100");
          requests.put("admin list, deep page", "/api/v1/admin/personal-tokens?limit=100" + deep);
          requests.put("my tokens, first page", "/api/v1/me/tokens?limit=100");
          requests.put("my tokens, deep page", "/api/v1/me/tokens?limit=100" + deep);
          requests.put(
              "admin list by owner, deep page",
              "/api/v1/admin/personal-tokens?owner=admin&limit=100" + deep);
          requests.put(
              "application text search, first page",
              "/api/v1/admin/personal-tokens?application=script%2012&limit=100");
          requests.put(
              "expiring within 7 days, first page",
              "/api/v1/admin/personal-tokens?expiringWithinDays=7&limit=100");
          requests.put(
              "scope export, deep page",
              "/api/v1/admin/personal-tokens?scope=export&limit=100" + deep);
          requests.put("users, first page", "/api/v1/admin/users?limit=100");
          requests.put(
              "application tokens, first page", "/api/v1/admin/application-tokens?limit=100");
          Map<String, Double> medians = new LinkedHashMap<>();
          for (Map.Entry<String, String> request : requests.entrySet()) {
            boolean withToken =
                request.getValue().startsWith("/api/v1/tokens/self")
                    || request.getValue().startsWith("/api/v1/me/");
            String[] headers =
                withToken ? new String[] {"Auth-Token", token} : new String[] {"Cookie", cookie};
            medians.put(request.getKey(), medianMillis(http, request.getValue(), headers));
          }
          results.put(size, medians);
          System.out.println("ListCostBenchmark: " + size + " tokens: " + medians);
          heaps.put(size, LargeListIT.heapUsed(http));
        }
      } finally {
        ServiceJar.stop(service);
      }
      assertThat(service.printed()).doesNotContain("OutOfMemoryError");
    }
    print(results, heaps);
  }

  private static long ownerId(Database database) throws Exception {
    try (Connection connection = database.dataSource().getConnection();
        ResultSet admin =
            connection
                .createStatement()
                .executeQuery("SELECT id FROM users WHERE login = 'admin'")) {
      assertThat(admin.next()).isTrue();
      return admin.getLong(1);
    }
  }

  /**
   * Fills tokens {@code from} to {@code to}, 50 000 a statement (each within the socket timeout).
   */
  private static void fill(Database database, long owner, long from, long to) throws Exception {
    try (Connection connection = database.dataSource().getConnection();
        PreparedStatement fill = connection.prepareStatement(FILL)) {
      for (long start = from; start <= to; start += 50_000) {
        fill.setLong(1, owner);
        fill.setString(2, T0.toString());
        fill.setLong(3, start);
        fill.setLong(4, Math.min(to, start + 49_999));
        fill.executeUpdate();
      }
      connection.createStatement().execute("ANALYZE tokens");
    }
  }

  /**
   * The cursor of the token in the middle of the list, as a page ending there would give it: the
   * benchmark builds it (it knows the format); clients only ever copy {@code X-Next-Cursor}.
   */
  private static String middleCursor(Database database, long i) throws Exception {
    Instant at = T0.plusSeconds(i);
    try (Connection connection = database.dataSource().getConnection();
        PreparedStatement find =
            connection.prepareStatement(
                "SELECT id FROM tokens WHERE kind = 'personal' AND created_at = CAST(? AS"
                    + " timestamptz)")) {
      find.setString(1, at.toString());
      try (ResultSet row = find.executeQuery()) {
        assertThat(row.next()).isTrue();
        String id = TokenId.of(UUID.fromString(row.getString(1))).text();
        String key = "t1:" + at.getEpochSecond() + ":" + at.getNano() + ":" + id;
        return Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(key.getBytes(StandardCharsets.UTF_8));
      }
    }
  }

  private static double medianMillis(Http http, String path, String... headers) {
    for (int i = 0; i < 10; i++) {
      assertThat(http.get(path, headers).statusCode()).as(path).isEqualTo(200);
    }
    double[] millis = new double[ROUNDS];
    for (int i = 0; i < ROUNDS; i++) {
      long started = System.nanoTime();
      HttpResponse<String> response = http.get(path, headers);
      millis[i] = (System.nanoTime() - started) / 1e6;
      assertThat(response.statusCode()).as(path).isEqualTo(200);
    }
    Arrays.sort(millis);
    return millis[ROUNDS / 2];
  }

  private static void print(Map<Long, Map<String, Double>> results, Map<Long, Long> heaps) {
    List<Long> sizes = new ArrayList<>(results.keySet());
    StringBuilder table = new StringBuilder("\n| median ms per request |");
    sizes.forEach(size -> table.append(String.format(" %,d tokens |", size)));
    table.append(" last / first |\n|---|");
    sizes.forEach(size -> table.append("---:|"));
    table.append("---:|\n");
    for (String name : results.get(sizes.get(0)).keySet()) {
      table.append("| ").append(name).append(" |");
      for (Long size : sizes) {
        table.append(String.format(" %.2f |", results.get(size).get(name)));
      }
      double first = results.get(sizes.get(0)).get(name);
      double last = results.get(sizes.get(sizes.size() - 1)).get(name);
      table.append(String.format(" %.2f |%n", last / first));
    }
    table.append("| heap in use after the run (MiB, -Xmx256m) |");
    for (Long size : sizes) {
      table.append(String.format(" %d |", heaps.get(size) >> 20));
    }
    table.append(" |\n");
    System.out.println("ListCostBenchmark:" + table);
  }
}
