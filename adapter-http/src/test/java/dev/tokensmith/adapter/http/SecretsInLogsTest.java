package dev.tokensmith.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokensmith.adapter.http.ApiServer.Session;
import dev.tokensmith.application.port.in.IssuedToken;
import dev.tokensmith.domain.account.User;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Token values and passwords never reach the logs, whatever transport or mistake carries them; the
 * access log still says what was asked.
 */
class SecretsInLogsTest {
  static LogCapture logs;
  static ApiServer server;

  @BeforeAll
  static void start() {
    logs = LogCapture.attach();
    server = ApiServer.start();
  }

  @AfterAll
  static void stop() {
    server.close();
    logs.detach();
  }

  @Test
  void noTokenValueNorPasswordIsEverLogged() {
    User alice = server.restUser("alice");
    String password = "password-of-alice";
    IssuedToken issued = server.issue(alice, "rest", "introspect");
    String token = issued.value().reveal();
    String id = issued.summary().token().id().text();

    server.get("/api/v1/me").authToken(token).send();
    server.get("/api/v1/me").bearer(token).send();
    server.get("/api/v1/tokens/self?auth_token=" + token).send();
    server.get("/api/v1/tokens/self?x=1&auth%5Ftoken=" + token + "&y=2").send();
    server.get("/api/v1/tokens/self?AUTH_TOKEN=" + token).send();
    server
        .post("/api/v1/me/tokens/" + id + "/refresh?z=" + token)
        .form("auth_token=" + token)
        .send();
    server
        .post("/api/v1/me/tokens/" + id + "/refresh")
        .multipart("auth_token", token + "-typo")
        .send();
    server.get("/api/v1/me/tokens/" + token).authToken(token).send();
    server.get("/api/v1/" + token).send();
    server.post("/api/v1/tokens/introspect").authToken(token).form("token=" + token).send();
    server.post("/api/v1/tokens/revoke").form("token=" + token + "x").send();
    server
        .post("/api/v1/session")
        .json("{\"login\":\"alice\",\"password\":\"" + password + "\"}")
        .send();
    server
        .post("/api/v1/session")
        .json("{\"login\":\"alice\",\"password\":\"" + password + "X\"}")
        .send();
    server.post("/api/v1/session").json("{\"login\":\"alice\",\"password\":\"" + password).send();
    server
        .post("/api/v1/session")
        .json("{\"login\":\"alice\",\"pass\":\"" + password + "\"}")
        .send();
    Session session = server.logIn("alice");
    String created =
        server
            .post("/api/v1/me/tokens")
            .session(session)
            .json("{\"application\":\"x\",\"scopes\":[\"rest\"]}")
            .send()
            .json()
            .get("secret")
            .asText();
    server.get("/api/v1/me").authToken(created).bearer(token).send();

    assertThat(logs.lines()).isNotEmpty();
    String everything = logs.all();
    assertThat(everything)
        .doesNotContain(token)
        .doesNotContain(created)
        .doesNotContain(password)
        .doesNotContain(session.csrfToken())
        .doesNotContain(session.cookie().substring(session.cookie().indexOf('=') + 1));
    assertThat(everything)
        .contains("GET /api/v1/tokens/self?auth_token=[redacted] 200")
        .contains("?x=1&auth%5Ftoken=[redacted]&y=2")
        .contains("AUTH_TOKEN=[redacted]")
        .contains("GET /api/v1/me/tokens/[redacted]");
  }
}
