package dev.tokensmith.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokensmith.adapter.http.ApiServer.Res;
import dev.tokensmith.adapter.http.ApiServer.Session;
import dev.tokensmith.application.fake.InMemoryTokensmith;
import dev.tokensmith.application.port.in.UserFields;
import dev.tokensmith.domain.account.User;
import io.vavr.control.Option;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Web UI login, logout, session cookie and CSRF. */
class SessionTest {
  static ApiServer server;

  @BeforeAll
  static void start() {
    server = ApiServer.start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void loginSetsAStrictHttpOnlyCookieAndAnswersTheCsrfToken() {
    String login = server.fresh("alice");
    server.restUser(login);
    Res response =
        server
            .post("/api/v1/session")
            .json("{\"login\":\"" + login + "\",\"password\":\"password-of-" + login + "\"}")
            .send();

    assertThat(response.status()).isEqualTo(200);
    assertThat(Json.fieldNames(response.json())).containsExactly("csrfToken");
    assertThat(response.json().get("csrfToken").asText()).hasSizeGreaterThanOrEqualTo(40);
    assertThat(response.header("Set-Cookie"))
        .matches("tokensmith_session=[A-Za-z0-9_-]{43}; Path=/; HttpOnly; SameSite=Strict");
    assertThat(response.header("Cache-Control")).isEqualTo("no-store");
  }

  @Test
  void wrongPasswordAndUnknownLoginAreIndistinguishable() {
    String login = server.fresh("alice");
    server.restUser(login);
    Res wrong =
        server
            .post("/api/v1/session")
            .json("{\"login\":\"" + login + "\",\"password\":\"guess-guess\"}")
            .send();
    Res unknown =
        server
            .post("/api/v1/session")
            .json("{\"login\":\"nobody-at-all\",\"password\":\"guess-guess\"}")
            .send();
    assertThat(wrong.status()).isEqualTo(401);
    assertThat(wrong.body()).isEqualTo(unknown.body());
    assertThat(wrong.json().get("error").asText()).isEqualTo("invalid_credentials");
    assertThat(wrong.header("Set-Cookie")).isNull();
  }

  @Test
  void safeRequestsNeedOnlyTheCookie() {
    String login = server.fresh("alice");
    server.restUser(login);
    Session session = server.logIn(login);
    assertThat(server.get("/api/v1/me/tokens").cookie(session).send().status()).isEqualTo(200);
  }

  @Test
  void unsafeRequestsWithoutTheCsrfTokenAreRefused() {
    String login = server.fresh("alice");
    server.restUser(login);
    Session session = server.logIn(login);
    String body = "{\"application\":\"x\",\"scopes\":[\"rest\"]}";

    Res missing = server.post("/api/v1/me/tokens").cookie(session).json(body).send();
    assertThat(missing.status()).isEqualTo(403);
    assertThat(missing.json().get("error").asText()).isEqualTo("csrf_token_invalid");
    Res wrong =
        server
            .post("/api/v1/me/tokens")
            .cookie(session)
            .header("X-CSRF-Token", "not-the-token")
            .json(body)
            .send();
    assertThat(wrong.status()).isEqualTo(403);
    Res overridden =
        server
            .get("/api/v1/me/tokens")
            .cookie(session)
            .header("X-HTTP-Method-Override", "POST")
            .json(body)
            .send();
    assertThat(overridden.status()).isEqualTo(403);
    assertThat(server.get("/api/v1/me/tokens").cookie(session).send().json()).isEmpty();

    assertThat(server.post("/api/v1/me/tokens").session(session).json(body).send().status())
        .isEqualTo(201);
  }

  @Test
  void logoutEndsTheSession() {
    String login = server.fresh("alice");
    server.restUser(login);
    Session session = server.logIn(login);

    Res withoutCsrf = server.delete("/api/v1/session").cookie(session).send();
    assertThat(withoutCsrf.status()).isEqualTo(403);
    Res logout = server.delete("/api/v1/session").session(session).send();
    assertThat(logout.status()).isEqualTo(204);
    assertThat(logout.header("Set-Cookie"))
        .startsWith("tokensmith_session=;")
        .contains("Max-Age=0");

    Res after = server.get("/api/v1/me").cookie(session).send();
    assertThat(after.status()).isEqualTo(401);
    assertThat(after.json().get("error").asText()).isEqualTo("session_ended");
    assertThat(server.delete("/api/v1/session").session(session).send().status()).isEqualTo(204);
  }

  @Test
  void sessionEndsWhenItsUserIsDisabled() {
    User admin = server.administrator(server.fresh("root"));
    String login = server.fresh("alice");
    server.restUser(login);
    Session session = server.logIn(login);
    server.tokensmith.core.users.editUser(
        admin,
        login,
        new UserFields(
            Option.none(),
            Option.some("disabled"),
            Option.none(),
            Option.none(),
            Option.none(),
            Option.none(),
            Option.none()));
    assertThat(server.get("/api/v1/me").cookie(session).send().status()).isEqualTo(401);
  }

  @Test
  void sessionEndsAfterBeingIdle() {
    String login = server.fresh("alice");
    server.restUser(login);
    Session session = server.logIn(login);
    server.clock.advance(Duration.ofMinutes(29));
    try {
      assertThat(server.get("/api/v1/me").cookie(session).send().status()).isEqualTo(200);
      server.clock.advance(Duration.ofMinutes(31));
      assertThat(server.get("/api/v1/me").cookie(session).send().status()).isEqualTo(401);
    } finally {
      server.clock.set(InMemoryTokensmith.START);
    }
  }

  @Test
  void signingInAgainRenewsTheKeyAndEndsTheSessionTheBrowserHad() {
    String login = server.fresh("alice");
    server.restUser(login);
    Session before = server.logIn(login);
    Res again =
        server
            .post("/api/v1/session")
            .header("Cookie", before.cookie())
            .json("{\"login\":\"" + login + "\",\"password\":\"password-of-" + login + "\"}")
            .send();
    assertThat(again.status()).isEqualTo(200);
    String renewed =
        again.header("Set-Cookie").substring(0, again.header("Set-Cookie").indexOf(';'));
    assertThat(renewed).isNotEqualTo(before.cookie());
    assertThat(again.json().get("csrfToken").asText()).isNotEqualTo(before.csrfToken());
    assertThat(server.get("/api/v1/me").cookie(before).send().status()).isEqualTo(401);
    Session after = new Session(renewed, again.json().get("csrfToken").asText());
    assertThat(server.get("/api/v1/me").cookie(after).send().status()).isEqualTo(200);
  }

  @Test
  void theCsrfTokenOfAnotherSessionIsRefused() {
    String login = server.fresh("alice");
    server.restUser(login);
    Session mine = server.logIn(login);
    Session other = server.logIn(login);
    Res crossed =
        server
            .post("/api/v1/me/tokens")
            .cookie(mine)
            .header("X-CSRF-Token", other.csrfToken())
            .json("{\"application\":\"x\",\"scopes\":[\"rest\"]}")
            .send();
    assertThat(crossed.status()).isEqualTo(403);
    assertThat(crossed.json().get("error").asText()).isEqualTo("csrf_token_invalid");
  }

  @Test
  void aCookieThatIsNoSessionKeyIsAnEndedSession() {
    for (String value : new String[] {"x", "A".repeat(43), "%00%ff", "é".repeat(50)}) {
      Res response =
          server.get("/api/v1/me").header("Cookie", "tokensmith_session=" + value).send();
      assertThat(response.status()).as(value).isEqualTo(401);
      assertThat(response.json().get("error").asText()).isEqualTo("session_ended");
    }
  }

  @Test
  void aUserSignsOutEverywhereAndAnAdministratorSignsAnyoneOut() {
    String login = server.fresh("alice");
    server.restUser(login);
    Session here = server.logIn(login);
    Session there = server.logIn(login);
    Res everywhere = server.delete("/api/v1/me/sessions").session(here).send();
    assertThat(everywhere.status()).isEqualTo(200);
    assertThat(everywhere.json().get("ended").asInt()).isEqualTo(2);
    assertThat(everywhere.header("Set-Cookie")).contains("Max-Age=0");
    assertThat(server.get("/api/v1/me").cookie(here).send().status()).isEqualTo(401);
    assertThat(server.get("/api/v1/me").cookie(there).send().status()).isEqualTo(401);

    User admin = server.administrator(server.fresh("root"));
    Session again = server.logIn(login);
    Session adminSession = server.logIn(admin.login());
    String path = "/api/v1/admin/users/" + login + "/sessions";
    assertThat(server.delete(path).session(again).send().status()).isEqualTo(403);
    Res byAdmin = server.delete(path).session(adminSession).send();
    assertThat(byAdmin.status()).isEqualTo(200);
    assertThat(byAdmin.json().get("ended").asInt()).isEqualTo(1);
    assertThat(server.get("/api/v1/me").cookie(again).send().status()).isEqualTo(401);
    assertThat(server.get("/api/v1/me").cookie(adminSession).send().status()).isEqualTo(200);
    assertThat(
            server
                .delete("/api/v1/admin/users/nobody-at-all/sessions")
                .session(adminSession)
                .send()
                .status())
        .isEqualTo(404);
  }
}
