package dev.tokensmith.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokensmith.application.fake.MutableClock;
import dev.tokensmith.bootstrap.TokensmithService;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole service as people run it — embedded PostgreSQL, HMAC digests, Argon2id passwords, the
 * HTTP adapter — driven through real requests, with a test clock for expiry.
 */
class EndToEndIT {
  private static final String ADMIN_PASSWORD = "an admin password for tests";
  private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-06-01T08:00:00Z"));
  private static Path dataDir;
  private static TokensmithService service;
  private static Http http;
  private static String firstStartOutput;

  @BeforeAll
  static void start() throws Exception {
    dataDir = Files.createTempDirectory("tokensmith-e2e");
    Map<String, String> environment = InJvmService.environment(dataDir, ADMIN_PASSWORD);
    environment.put("TOKENSMITH_DEMO_DATA", "false");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    service = InJvmService.start(environment, CLOCK, out);
    firstStartOutput = out.toString(StandardCharsets.UTF_8);
    http = new Http(service.port());
  }

  @AfterAll
  static void stop() {
    if (service != null) {
      service.close();
    }
  }

  /** Logs in; returns the cookie and CSRF headers for the session. */
  private static String[] session(String login, String password) {
    return http.signIn(login, password);
  }

  private static String createToken(String[] session, String body) {
    HttpResponse<String> created = http.send("POST", "/api/v1/me/tokens", body, session);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return created.body();
  }

  private static HttpResponse<String> self(String token) {
    return http.get("/api/v1/tokens/self", "Auth-Token", token);
  }

  private static String reason(HttpResponse<String> response) {
    return Http.field(response.body(), "reason");
  }

  @Test
  void theFirstStartCreatedTheAdministratorInMyCompany() {
    assertThat(firstStartOutput)
        .contains("created the administrator 'admin'")
        .doesNotContain(ADMIN_PASSWORD);
    HttpResponse<String> me = http.get("/api/v1/me", session("admin", ADMIN_PASSWORD));
    assertThat(me.body())
        .contains("\"login\":\"admin\"")
        .contains("\"organization\":\"My Company\"");
    assertThat(Files.exists(dataDir.resolve("token-pepper"))).isTrue();
  }

  @Test
  void aTokenMadeThroughTheApiAuthenticatesAndCountsEachUseExactly() {
    String body =
        createToken(
            session("admin", ADMIN_PASSWORD),
            "{\"application\":\"e2e count\",\"scopes\":[\"rest\"]}");
    String token = Http.field(body, "secret");
    assertThat(token).startsWith("tksp_").hasSize(76);
    for (int i = 0; i < 5; i++) {
      assertThat(self(token).statusCode()).isEqualTo(200);
    }
    HttpResponse<String> view = self(token);
    assertThat(Http.number(view.body(), "useCount")).isEqualTo(6);
    assertThat(view.body()).contains("\"lastUsedIp\":\"127.0.0.1\"");
  }

  @Test
  void everyTransportWorksAndTwoDifferentTokensAreAmbiguous() {
    String[] admin = session("admin", ADMIN_PASSWORD);
    String one =
        Http.field(createToken(admin, "{\"application\":\"t1\",\"scopes\":[\"rest\"]}"), "secret");
    String two =
        Http.field(createToken(admin, "{\"application\":\"t2\",\"scopes\":[\"rest\"]}"), "secret");
    assertThat(http.get("/api/v1/tokens/self", "Authorization", "Bearer " + one).statusCode())
        .isEqualTo(200);
    HttpResponse<String> query = http.get("/api/v1/tokens/self?auth_token=" + one);
    assertThat(query.statusCode()).isEqualTo(200);
    assertThat(query.headers().firstValue("Cache-Control")).contains("no-store");
    HttpResponse<String> ambiguous =
        http.get("/api/v1/tokens/self", "Auth-Token", one, "Authorization", "Bearer " + two);
    assertThat(ambiguous.statusCode()).isEqualTo(400);
    assertThat(reason(ambiguous)).isEqualTo("ambiguous_credentials");
  }

  @Test
  void concurrentWritesOfOneUniqueValueGiveOneSuccessAndConflictsNeverAnError() throws Exception {
    String[] admin = session("admin", ADMIN_PASSWORD);
    // a new login in a new organization: both are created by the first request to get there
    String user =
        "{\"login\":\"twin\",\"password\":\"twin's password\",\"organization\":\"Twin Company\","
            + "\"profiles\":[\"REST Services User\"],"
            + "\"contact\":{\"firstName\":\"Twin\",\"name\":\"Twin\",\"email\":\"twin@example.com\"}}";
    List<HttpResponse<String>> users =
        concurrently(() -> http.send("POST", "/api/v1/admin/users", user, admin));
    assertThat(statuses(users)).containsOnly(201, 409).containsOnlyOnce(201);

    String application =
        "{\"login\":\"twin-app\",\"organization\":\"Twin Company\",\"profiles\":[],"
            + "\"scopes\":[\"rest\"],\"expiresAt\":null}";
    List<HttpResponse<String>> applications =
        concurrently(
            () -> http.send("POST", "/api/v1/admin/application-tokens", application, admin));
    assertThat(statuses(applications)).containsOnly(201, 409).containsOnlyOnce(201);

    String[] twin = session("twin", "twin's password");
    String id =
        Http.field(createToken(twin, "{\"application\":\"x\",\"scopes\":[\"rest\"]}"), "id");
    List<HttpResponse<String>> refreshes =
        concurrently(() -> http.send("POST", "/api/v1/me/tokens/" + id + "/refresh", null, twin));
    assertThat(statuses(refreshes)).containsOnly(200, 409).contains(200);
    // a refresh that lost the race changed nothing: exactly one handed-out value works now
    long working =
        refreshes.stream()
            .filter(response -> response.statusCode() == 200)
            .map(response -> Http.field(response.body(), "secret"))
            .filter(secret -> self(secret).statusCode() == 200)
            .count();
    assertThat(working).isEqualTo(1);
  }

  /** Eight copies of {@code request}, started together. */
  private static List<HttpResponse<String>> concurrently(Callable<HttpResponse<String>> request)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<HttpResponse<String>>> running = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        running.add(
            pool.submit(
                () -> {
                  start.await();
                  return request.call();
                }));
      }
      start.countDown();
      List<HttpResponse<String>> responses = new ArrayList<>();
      for (Future<HttpResponse<String>> response : running) {
        responses.add(response.get(60, TimeUnit.SECONDS));
      }
      return responses;
    } finally {
      pool.shutdownNow();
    }
  }

  private static List<Integer> statuses(List<HttpResponse<String>> responses) {
    return responses.stream().map(HttpResponse::statusCode).toList();
  }

  @Test
  void everyFailureReasonIsReachedOnTheRealStack() {
    String[] admin = session("admin", ADMIN_PASSWORD);
    HttpResponse<String> created =
        http.send(
            "POST",
            "/api/v1/admin/users",
            "{\"login\":\"dora\",\"password\":\"dora's password\",\"organization\":\"My Company\","
                + "\"profiles\":[\"REST Services User\"],"
                + "\"contact\":{\"firstName\":\"Dora\",\"name\":\"Explorer\",\"email\":\"dora@example.com\"}}",
            admin);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String[] dora = session("dora", "dora's password");

    assertThat(reason(http.get("/api/v1/tokens/self"))).isEqualTo("missing_credentials");
    assertThat(reason(self("tksp_nonsense"))).isEqualTo("malformed_token");

    String exportOnly =
        Http.field(createToken(dora, "{\"application\":\"x\",\"scopes\":[\"export\"]}"), "secret");
    HttpResponse<String> scope = self(exportOnly);
    assertThat(scope.statusCode()).isEqualTo(403);
    assertThat(reason(scope)).isEqualTo("scope_not_granted");
    assertThat(scope.headers().firstValue("WWW-Authenticate").orElseThrow())
        .contains("error=\"insufficient_scope\"")
        .contains("scope=\"rest\"");

    String refreshedBody = createToken(dora, "{\"application\":\"r\",\"scopes\":[\"rest\"]}");
    String old = Http.field(refreshedBody, "secret");
    String id = Http.field(refreshedBody, "id");
    HttpResponse<String> refresh =
        http.send("POST", "/api/v1/me/tokens/" + id + "/refresh", null, dora);
    String fresh = Http.field(refresh.body(), "secret");
    assertThat(reason(self(old))).isEqualTo("token_refreshed");
    assertThat(self(fresh).statusCode()).isEqualTo(200);
    assertThat(reason(self(old.substring(0, 27) + fresh.substring(27, 70) + old.substring(70))))
        .as("another secret on a valid id fails its checksum first")
        .isEqualTo("malformed_token");

    assertThat(http.send("DELETE", "/api/v1/me/tokens/" + id, null, dora).statusCode())
        .isEqualTo(204);
    assertThat(reason(self(fresh))).isEqualTo("token_deleted");

    Instant expiry = CLOCK.instant().plus(Duration.ofHours(1));
    String expiring =
        Http.field(
            createToken(
                dora,
                "{\"application\":\"e\",\"scopes\":[\"rest\"],\"expiresAt\":\"" + expiry + "\"}"),
            "secret");
    assertThat(self(expiring).statusCode()).isEqualTo(200);
    CLOCK.advance(Duration.ofHours(2));
    HttpResponse<String> expired = self(expiring);
    assertThat(reason(expired)).isEqualTo("token_expired");
    assertThat(Http.field(expired.body(), "message")).contains(expiry.toString());
    // two idle hours ended both web sessions too
    assertThat(http.get("/api/v1/me", dora).statusCode()).isEqualTo(401);
    dora = session("dora", "dora's password");
    admin = session("admin", ADMIN_PASSWORD);

    String valid =
        Http.field(createToken(dora, "{\"application\":\"v\",\"scopes\":[\"rest\"]}"), "secret");
    http.send("PATCH", "/api/v1/admin/users/dora", "{\"profiles\":[\"Directory Reader\"]}", admin);
    assertThat(reason(self(valid))).isEqualTo("profile_not_allowed");
    http.send("PATCH", "/api/v1/admin/users/dora", "{\"profiles\":[\"Administrator\"]}", admin);
    assertThat(reason(self(valid))).isEqualTo("rest_profile_required");
    http.send("PATCH", "/api/v1/admin/users/dora", "{\"status\":\"disabled\"}", admin);
    assertThat(reason(self(valid))).isEqualTo("principal_disabled");

    HttpResponse<String> doraView = http.get("/api/v1/admin/personal-tokens?owner=dora", admin);
    assertThat(doraView.statusCode()).isEqualTo(200);
  }

  @Test
  void theOwnerSeesWhyTheTokenWasRefused() {
    String[] admin = session("admin", ADMIN_PASSWORD);
    String body = createToken(admin, "{\"application\":\"why\",\"scopes\":[\"export\"]}");
    self(Http.field(body, "secret"));
    HttpResponse<String> view = http.get("/api/v1/me/tokens/" + Http.field(body, "id"), admin);
    assertThat(view.body())
        .contains("\"recentFailures\":[{")
        .contains("\"reason\":\"scope_not_granted\"")
        .contains("\"endpoint\":\"GET /api/v1/tokens/self\"");
  }

  @Test
  void anotherUsersTokenIsNotFoundAndAdminRoutesAreForbiddenToOthers() {
    String[] admin = session("admin", ADMIN_PASSWORD);
    http.send(
        "POST",
        "/api/v1/admin/users",
        "{\"login\":\"eve\",\"password\":\"eve's password\",\"organization\":\"My Company\","
            + "\"profiles\":[\"REST Services User\"],"
            + "\"contact\":{\"firstName\":\"Eve\",\"name\":\"Dropper\",\"email\":\"eve@example.com\"}}",
        admin);
    String[] eve = session("eve", "eve's password");
    String adminToken =
        Http.field(createToken(admin, "{\"application\":\"mine\",\"scopes\":[\"rest\"]}"), "id");
    assertThat(http.get("/api/v1/me/tokens/" + adminToken, eve).statusCode()).isEqualTo(404);
    assertThat(http.get("/api/v1/admin/users", eve).statusCode()).isEqualTo(403);
  }

  @Test
  void healthAndMetricsAnswer() {
    assertThat(http.get("/health/live").statusCode()).isEqualTo(200);
    assertThat(http.get("/health/ready").statusCode()).isEqualTo(200);
    HttpResponse<String> metrics = http.get("/metrics");
    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.body())
        .contains("jvm_memory_used_bytes")
        .contains("tokensmith_sql_statements_total")
        .contains("hikaricp_connections_active")
        .contains("tokensmith_usage_pending_tokens");
  }

  @Test
  void anAuthenticatedRequestSendsOneSqlStatement() {
    String token =
        Http.field(
            createToken(
                session("admin", ADMIN_PASSWORD),
                "{\"application\":\"e2e statements\",\"scopes\":[\"rest\"]}"),
            "secret");
    assertThat(self(token).statusCode()).isEqualTo(200);
    // the usage flusher (three statements a flush) and the notification worker may write
    // meanwhile: measure many requests, allow for their statements
    long before = sqlStatements();
    for (int i = 0; i < 50; i++) {
      assertThat(self(token).statusCode()).isEqualTo(200);
    }
    long statements = sqlStatements() - before;
    assertThat(statements).isBetween(50L, 50L + 3 * 10);
  }

  private static long sqlStatements() {
    String metrics = http.get("/metrics").body();
    java.util.regex.Matcher line =
        java.util.regex.Pattern.compile(
                "(?m)^tokensmith_sql_statements_total(?:\\{[^}]*\\})? (\\S+)$")
            .matcher(metrics);
    assertThat(line.find()).as(metrics).isTrue();
    return (long) Double.parseDouble(line.group(1));
  }

  @Test
  void badInputGetsA400NamingTheField() {
    String[] admin = session("admin", ADMIN_PASSWORD);
    HttpResponse<String> unknownScope =
        http.send(
            "POST", "/api/v1/me/tokens", "{\"application\":\"x\",\"scopes\":[\"root\"]}", admin);
    assertThat(unknownScope.statusCode()).isEqualTo(400);
    assertThat(unknownScope.body()).contains("scope");
    HttpResponse<String> malformed =
        http.send("POST", "/api/v1/me/tokens", "{\"application\":", admin);
    assertThat(malformed.statusCode()).isEqualTo(400);
  }
}
