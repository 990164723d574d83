package dev.tokensmith.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokensmith.application.fake.MutableClock;
import dev.tokensmith.bootstrap.TokensmithService;
import dev.tokensmith.domain.token.ParsedToken;
import dev.tokensmith.domain.token.TokenCodec;
import dev.tokensmith.domain.token.TokenSecret;
import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 17 and the budgets of issue 13 on the real stack: two service instances (A on the embedded
 * PostgreSQL, B on the same database through its URL) behind a trusted proxy, so each test is its
 * own client address ({@code X-Forwarded-For}); one test clock moves the windows.
 */
class FailedAttemptLimitsIT {
  private static final String ADMIN_PASSWORD = "an admin password for limits";
  private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-06-01T08:00:00Z"));
  private static final Pattern EMBEDDED_PORT =
      Pattern.compile("embedded PostgreSQL on port (\\d+)");
  private static Path dataA;
  private static Path dataB;
  private static TokensmithService a;
  private static TokensmithService b;
  private static Http httpA;
  private static Http httpB;
  private static String adminToken;

  @BeforeAll
  static void start() throws Exception {
    dataA = Files.createTempDirectory("tokensmith-limits-a");
    dataB = Files.createTempDirectory("tokensmith-limits-b");
    Map<String, String> common = new HashMap<>();
    common.put("TOKENSMITH_HTTP_PORT", "0");
    common.put("TOKENSMITH_ADMIN_PASSWORD", ADMIN_PASSWORD);
    common.put("TOKENSMITH_DEMO_DATA", "false");
    common.put("TOKENSMITH_TRUSTED_PROXIES", "127.0.0.1");
    common.put("TOKENSMITH_LIMIT_WRONG_TOKENS_PER_ADDRESS", "20/60");
    common.put("TOKENSMITH_LIMIT_WRONG_PASSWORDS_PER_LOGIN", "5/300");
    common.put("TOKENSMITH_LIMIT_WRONG_PASSWORDS_PER_ADDRESS", "30/300");
    Map<String, String> envA = new HashMap<>(common);
    envA.put("TOKENSMITH_DATA_DIR", dataA.toString());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    a = InJvmService.start(envA, CLOCK, out);
    Matcher port = EMBEDDED_PORT.matcher(out.toString(StandardCharsets.UTF_8));
    assertThat(port.find()).as(out.toString(StandardCharsets.UTF_8)).isTrue();
    Map<String, String> envB = new HashMap<>(common);
    envB.put("TOKENSMITH_DATA_DIR", dataB.toString());
    envB.put("TOKENSMITH_DB_URL", "jdbc:postgresql://localhost:" + port.group(1) + "/tokensmith");
    envB.put("TOKENSMITH_DB_USER", "postgres");
    envB.put("TOKENSMITH_TOKEN_PEPPER_FILE", dataA.resolve("token-pepper").toString());
    b = InJvmService.start(envB, CLOCK);
    httpA = new Http(a.port());
    httpB = new Http(b.port());
    String[] admin = session(httpA, "admin", ADMIN_PASSWORD, "10.9.9.9");
    HttpResponse<String> created =
        httpA.send(
            "POST",
            "/api/v1/me/tokens",
            "{\"application\":\"limits\",\"scopes\":[\"rest\"]}",
            with(admin, "10.9.9.9"));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    adminToken = Http.field(created.body(), "secret");
  }

  @AfterAll
  static void stop() {
    if (b != null) {
      b.close();
    }
    if (a != null) {
      a.close();
    }
  }

  /** Headers for a session, sent as the client {@code address}. */
  private static String[] with(String[] headers, String address) {
    String[] all = new String[headers.length + 2];
    System.arraycopy(headers, 0, all, 0, headers.length);
    all[headers.length] = "X-Forwarded-For";
    all[headers.length + 1] = address;
    return all;
  }

  private static HttpResponse<String> logIn(
      Http http, String login, String password, String address) {
    return http.send(
        "POST",
        "/api/v1/session",
        "{\"login\":\"" + login + "\",\"password\":\"" + password + "\"}",
        "X-Forwarded-For",
        address);
  }

  private static String[] session(Http http, String login, String password, String address) {
    HttpResponse<String> response = logIn(http, login, password, address);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    String cookie = response.headers().firstValue("Set-Cookie").orElseThrow().split(";", 2)[0];
    return new String[] {
      "Cookie", cookie, "X-CSRF-Token", Http.field(response.body(), "csrfToken")
    };
  }

  private static HttpResponse<String> self(Http http, String token, String address) {
    return http.get("/api/v1/tokens/self", "Auth-Token", token, "X-Forwarded-For", address);
  }

  private static String restPhp(String json) {
    return "/webservices/rest.php?version=1.3&json_data="
        + URLEncoder.encode(json, StandardCharsets.UTF_8);
  }

  /** Alternates between the two instances. */
  private static Http instance(int i) {
    return i % 2 == 0 ? httpA : httpB;
  }

  @Test
  void theItopClientsPatternOfCheckCredentialsNeverCostsTheTokenMakingTheCalls() {
    String address = "10.1.0.1";
    String check =
        restPhp("{\"operation\":\"core/check_credentials\",\"user\":\"x\",\"password\":\"y\"}");
    for (int i = 0; i < 50; i++) {
      HttpResponse<String> answer =
          instance(i)
              .send(
                  "POST",
                  check + "&login_mode=token&auth_token=" + adminToken,
                  null,
                  "X-Forwarded-For",
                  address);
      assertThat(answer.body()).contains("\"code\":0").contains("\"authorized\":false");
    }
    for (Http http : new Http[] {httpA, httpB}) {
      HttpResponse<String> operations =
          http.send(
              "POST",
              restPhp("{\"operation\":\"list_operations\"}") + "&auth_token=" + adminToken,
              null,
              "X-Forwarded-For",
              address);
      assertThat(operations.body()).contains("\"code\":0");
      assertThat(self(http, adminToken, address).statusCode()).isEqualTo(200);
    }
  }

  @Test
  void twoHundredWrongTokensAreSlowedAcrossBothInstancesWhileAValidTokenKeepsAnswering200() {
    String address = "10.1.0.2";
    int refused = 0;
    int limited = 0;
    for (int i = 0; i < 200; i++) {
      HttpResponse<String> wrong = self(instance(i), "tksp_wrong" + i, address);
      if (wrong.statusCode() == 401) {
        refused++;
      } else {
        assertThat(wrong.statusCode()).as(wrong.body()).isEqualTo(429);
        assertThat(Http.field(wrong.body(), "reason")).isEqualTo("rate_limited");
        assertThat(wrong.headers().firstValue("Retry-After")).isPresent();
        limited++;
      }
      assertThat(self(instance(i + 1), adminToken, address).statusCode()).isEqualTo(200);
    }
    // one budget of 20 for both instances, not 20 each
    assertThat(refused).isEqualTo(20);
    assertThat(limited).isEqualTo(180);
    HttpResponse<String> restPhp =
        httpB.send(
            "POST",
            restPhp("{\"operation\":\"list_operations\"}"),
            null,
            "Auth-Token",
            "tksp_wrong",
            "X-Forwarded-For",
            address);
    assertThat(restPhp.headers().firstValue("X-Tokensmith-Auth-Failure")).contains("rate_limited");
    assertThat(restPhp.body()).contains("Too many failed attempts");
    CLOCK.advance(Duration.ofSeconds(60));
    assertThat(self(httpA, "tksp_wrong", address).statusCode()).isEqualTo(401);
  }

  @Test
  void aPasswordBruteForceOnOneLoginIsSlowedWhileAnotherLoginSignsInFromTheSameAddress() {
    String[] admin = session(httpA, "admin", ADMIN_PASSWORD, "10.9.9.9");
    HttpResponse<String> created =
        httpA.send(
            "POST",
            "/api/v1/admin/users",
            "{\"login\":\"victim\",\"password\":\"victim's password\",\"organization\":\"My"
                + " Company\",\"profiles\":[\"REST Services User\"],\"contact\":{\"firstName\":"
                + "\"Vic\",\"name\":\"Tim\",\"email\":\"victim@example.com\"}}",
            with(admin, "10.9.9.9"));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String attacker = "10.1.0.3";
    for (int i = 0; i < 5; i++) {
      assertThat(logIn(instance(i), "victim", "guess " + i, attacker).statusCode()).isEqualTo(401);
    }
    HttpResponse<String> slowed = logIn(httpB, "victim", "victim's password", attacker);
    assertThat(slowed.statusCode()).isEqualTo(429);
    assertThat(Http.field(slowed.body(), "reason")).isEqualTo("rate_limited");
    assertThat(slowed.headers().firstValue("Retry-After")).isPresent();
    // the owner waits too, from anywhere, for one window at most
    assertThat(logIn(httpA, "victim", "victim's password", "10.1.0.4").statusCode()).isEqualTo(429);
    // another login signs in from the attacker's very address, on both instances
    session(httpA, "admin", ADMIN_PASSWORD, attacker);
    session(httpB, "admin", ADMIN_PASSWORD, attacker);
    CLOCK.advance(Duration.ofSeconds(300));
    session(httpA, "victim", "victim's password", "10.1.0.4");
  }

  @Test
  void aWrongSecretRefusedForTheBudgetIsInTheTokenOwnersFailureLog() {
    String address = "10.1.0.5";
    TokenCodec codec = new TokenCodec(TokenCodec.DEFAULT_PREFIX);
    ParsedToken parsed = codec.parse(adminToken).get();
    byte[] secret = new byte[TokenSecret.BYTES];
    new Random(5).nextBytes(secret);
    String wrongSecret = codec.format(parsed.kind(), parsed.id(), new TokenSecret(secret)).reveal();
    for (int i = 0; i < 20; i++) {
      assertThat(self(instance(i), "tksp_wrong", address).statusCode()).isEqualTo(401);
    }
    assertThat(self(httpB, wrongSecret, address).statusCode()).isEqualTo(429);
    String[] admin = session(httpA, "admin", ADMIN_PASSWORD, "10.9.9.9");
    HttpResponse<String> view =
        httpA.get("/api/v1/me/tokens/" + parsed.id().text(), with(admin, "10.9.9.9"));
    assertThat(view.statusCode()).as(view.body()).isEqualTo(200);
    assertThat(view.body())
        .contains("\"reason\":\"rate_limited\"")
        .contains("\"address\":\"" + address + "\"");
  }
}
