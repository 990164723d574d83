package dev.tokensmith.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokensmith.adapter.http.ApiServer.Res;
import dev.tokensmith.adapter.http.HttpSettings.RateLimit;
import dev.tokensmith.application.service.TokensmithCore;
import dev.tokensmith.domain.account.User;
import dev.tokensmith.domain.authentication.AttemptBudget;
import dev.tokensmith.domain.authentication.AttemptBudgets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Text the database cannot store (NUL, unpaired surrogates, over-long) is refused where it enters,
 * with a 400 naming the field, on every kind of input; unsupported methods are 405 with Allow.
 */
class StorableInputTest {
  ApiServer server;

  @BeforeEach
  void start() {
    server =
        ApiServer.start(
            TokensmithCore.Settings.DEFAULT.withBudgets(
                new AttemptBudgets(
                    new AttemptBudget(30, Duration.ofMinutes(1)),
                    new AttemptBudget(10, Duration.ofMinutes(5)),
                    new AttemptBudget(3, Duration.ofMinutes(5)))),
            settings -> settings.withRevocationLimit(new RateLimit(2, Duration.ofMinutes(1))));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private static void assertRefused(Res response, String field, String why) {
    assertThat(response.status()).as(response.body()).isEqualTo(400);
    assertThat(response.json().get("error").asText())
        .as(response.body())
        .isEqualTo("invalid_input");
    assertThat(response.json().get("message").asText())
        .startsWith(field + " must not contain " + why);
  }

  @Test
  void aNulInASignInIsRefusedNamingTheLoginAndCountsAsAFailedAttempt() {
    User alice = server.restUser("alice");
    for (int i = 0; i < 3; i++) {
      Res refused =
          server
              .post("/api/v1/session")
              .json("{\"login\":\"alice\\u0000\",\"password\":\"x\"}")
              .send();
      assertRefused(refused, "login", "the NUL character");
    }
    // the address spent its budget of wrong passwords: a guess is slowed...
    Res limited =
        server
            .post("/api/v1/session")
            .json("{\"login\":\"alice\",\"password\":\"a wrong guess\"}")
            .send();
    assertThat(limited.status()).isEqualTo(429);
    assertThat(limited.json().get("reason").asText()).isEqualTo("rate_limited");
    assertThat(limited.header("Retry-After")).isNotNull();
    // ...while the correct password still signs in
    Res signedIn =
        server
            .post("/api/v1/session")
            .json("{\"login\":\"" + alice.login() + "\",\"password\":\"password-of-alice\"}")
            .send();
    assertThat(signedIn.status()).as(signedIn.body()).isEqualTo(200);
  }

  @Test
  void aMissingPasswordIsAFailedSignInAttemptToo() {
    server.restUser("bob");
    for (int i = 0; i < 3; i++) {
      assertThat(server.post("/api/v1/session").json("{\"login\":\"bob\"}").send().status())
          .isEqualTo(400);
    }
    assertThat(
            server
                .post("/api/v1/session")
                .json("{\"login\":\"bob\",\"password\":\"a wrong guess\"}")
                .send()
                .status())
        .isEqualTo(429);
  }

  @Test
  void everyJsonFieldIsCheckedAndNamedByItsPath() {
    User admin = server.administrator("root");
    String token = server.token(admin, "rest");
    assertRefused(
        server
            .post("/api/v1/admin/application-tokens")
            .authToken(token)
            .json(
                "{\"login\":\"nul1\",\"organization\":\"My\\u0000Company\",\"scopes\":[\"rest\"]}")
            .send(),
        "organization",
        "the NUL character");
    assertRefused(
        server
            .post("/api/v1/me/tokens")
            .authToken(token)
            .json("{\"application\":\"ok\",\"scopes\":[\"rest\",\"\\ud800\"]}")
            .send(),
        "scopes[1]",
        "an unpaired UTF-16 surrogate");
    assertRefused(
        server
            .post("/api/v1/admin/users")
            .authToken(token)
            .json("{\"login\":\"x\",\"contact\":{\"name\":\"a\\udc00\"}}")
            .send(),
        "contact.name",
        "an unpaired UTF-16 surrogate");
    Res overLong =
        server
            .post("/api/v1/me/tokens")
            .authToken(token)
            .json("{\"application\":\"" + "x".repeat(5000) + "\",\"scopes\":[\"rest\"]}")
            .send();
    assertThat(overLong.status()).isEqualTo(400);
    assertThat(overLong.json().get("message").asText())
        .isEqualTo("application must be at most 4096 characters");
  }

  @Test
  void pathAndQueryParametersAreCheckedBeforeAnythingRuns() {
    User admin = server.administrator("root");
    String token = server.token(admin, "rest");
    // the server itself refuses a NUL in the path, before any route
    Res nulInPath = server.get("/api/v1/admin/users/ad%00min").authToken(token).send();
    assertThat(nulInPath.status()).isEqualTo(400);
    assertThat(nulInPath.json().get("error").asText()).isEqualTo("bad_request");
    Res overLong = server.get("/api/v1/admin/users/" + "x".repeat(5000)).authToken(token).send();
    assertThat(overLong.status()).isEqualTo(400);
    assertThat(overLong.json().get("message").asText())
        .isEqualTo("login must be at most 4096 characters");
    assertRefused(
        server.get("/api/v1/admin/personal-tokens?owner=a%00b").authToken(token).send(),
        "owner",
        "the NUL character");
    // the rule runs before authentication: nothing with such input reaches a use case
    assertRefused(
        server.get("/api/v1/admin/personal-tokens?owner=%00").send(), "owner", "the NUL character");
  }

  @Test
  void formFieldsAreChecked() {
    assertRefused(
        server.post("/api/v1/tokens/revoke").form("token=tksp_%00").send(),
        "token",
        "the NUL character");
  }

  @Test
  void anUnsupportedMethodOnAnExistingPathIs405WithAllow() {
    Res put = server.request("PUT", "/api/v1/me").send();
    assertThat(put.status()).isEqualTo(405);
    assertThat(put.header("Allow")).isEqualTo("GET");
    assertThat(put.json().get("error").asText()).isEqualTo("method_not_allowed");

    Res trace = server.request("TRACE", "/api/v1/session").send();
    assertThat(trace.status()).isEqualTo(405);
    assertThat(trace.header("Allow")).contains("POST").contains("DELETE");

    assertThat(server.request("PUT", "/no/such/path").send().status()).isEqualTo(404);
  }
}
