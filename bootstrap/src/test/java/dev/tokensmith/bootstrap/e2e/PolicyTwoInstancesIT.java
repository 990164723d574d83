package dev.tokensmith.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokensmith.application.fake.MutableClock;
import dev.tokensmith.bootstrap.TokensmithService;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two service instances on one PostgreSQL with one controllable clock: a change of the token policy
 * saved through one instance applies at the very next authentication on the other (each keeps the
 * last policy it parsed, and the version read with every token tells it when that is stale).
 */
class PolicyTwoInstancesIT {
  private static final String ADMIN_PASSWORD = "an admin password for tests";
  private static final String PROFILES =
      "[{\"profile\":\"Administrator\",\"scopes\":null},"
          + "{\"profile\":\"REST Services User\",\"scopes\":null}]";

  private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-06-01T08:00:00Z"));
  private static Path root;
  private static EmbeddedPostgres postgres;
  private static TokensmithService a;
  private static TokensmithService b;
  private static Http httpA;
  private static Http httpB;

  @BeforeAll
  static void start() throws Exception {
    root = Files.createTempDirectory("tokensmith-policy-two-instances");
    postgres = EmbeddedPostgres.builder().setDataDirectory(root.resolve("postgres")).start();
    a = instance("a");
    b = instance("b");
    httpA = new Http(a.port());
    httpB = new Http(b.port());
  }

  @AfterAll
  static void stop() throws Exception {
    InJvmService.closeAll(a, b, postgres);
  }

  private static TokensmithService instance(String name) {
    Map<String, String> env =
        InJvmService.sharedDatabaseEnvironment(
            postgres.getPort(), root.resolve(name), ADMIN_PASSWORD);
    env.put("TOKENSMITH_USAGE_FLUSH_MILLIS", "50");
    return InJvmService.start(env, CLOCK);
  }

  private static String[] session(Http http) {
    return http.signIn("admin", ADMIN_PASSWORD);
  }

  private static void putPolicy(String inactivityDays, long graceSeconds) {
    HttpResponse<String> saved =
        httpA.send(
            "PUT",
            "/api/v1/admin/policy",
            "{\"maxLifetimeDays\":null,\"expiryRequired\":false,\"inactivityDays\":"
                + inactivityDays
                + ",\"refreshGraceSeconds\":"
                + graceSeconds
                + ",\"personalTokenProfiles\":"
                + PROFILES
                + ",\"affectedTokensStopAt\":\"now\"}",
            session(httpA));
    assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
  }

  private static HttpResponse<String> self(Http http, String token) {
    return http.get("/api/v1/tokens/self", "Auth-Token", token);
  }

  @Test
  void aPolicySavedThroughOneInstanceAppliesAtTheNextAuthenticationOnTheOther() {
    String[] sessionB = session(httpB);
    HttpResponse<String> created =
        httpB.send(
            "POST",
            "/api/v1/me/tokens",
            "{\"application\":\"two instances\",\"scopes\":[\"rest\"]}",
            sessionB);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String id = Http.field(created.body(), "id");
    String old = Http.field(created.body(), "secret");
    assertThat(self(httpB, old).statusCode()).as("B has read the first policy").isEqualTo(200);

    // refresh grace: saved on A, the replaced value keeps working on B
    putPolicy("null", 3600);
    HttpResponse<String> refreshed =
        httpA.send("POST", "/api/v1/me/tokens/" + id + "/refresh", null, session(httpA));
    assertThat(refreshed.statusCode()).as(refreshed.body()).isEqualTo(200);
    String current = Http.field(refreshed.body(), "secret");
    assertThat(self(httpB, old).statusCode()).isEqualTo(200);

    // no grace any more: refused on B at once
    putPolicy("null", 0);
    HttpResponse<String> refused = self(httpB, old);
    assertThat(refused.statusCode()).isEqualTo(401);
    assertThat(Http.field(refused.body(), "reason")).isEqualTo("token_refreshed");

    // inactivity: a limit saved on A stops an idle token on B, counted by the shared clock
    putPolicy("5", 0);
    assertThat(self(httpB, current).statusCode()).isEqualTo(200);
    CLOCK.advance(Duration.ofDays(5));
    HttpResponse<String> inactive = self(httpB, current);
    assertThat(inactive.statusCode()).isEqualTo(401);
    assertThat(Http.field(inactive.body(), "reason")).isEqualTo("token_inactive");
    assertThat(self(httpA, current).statusCode()).isEqualTo(401);

    // relaxed on A: works again on B
    putPolicy("null", 0);
    assertThat(self(httpB, current).statusCode()).isEqualTo(200);
  }
}
