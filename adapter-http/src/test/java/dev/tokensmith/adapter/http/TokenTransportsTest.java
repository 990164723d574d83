package dev.tokensmith.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokensmith.adapter.http.ApiServer.Res;
import dev.tokensmith.application.port.in.IssuedToken;
import dev.tokensmith.domain.account.User;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The four token transports of DESIGN §3, and how they combine. */
class TokenTransportsTest {
  static ApiServer server;

  @BeforeAll
  static void start() {
    server = ApiServer.start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  IssuedToken issued() {
    User alice = server.restUser(server.fresh("alice"));
    return server.issue(alice, "rest");
  }

  static String refreshPath(IssuedToken issued) {
    return "/api/v1/me/tokens/" + issued.summary().token().id().text() + "/refresh";
  }

  @Test
  void authTokenHeader() {
    assertThat(server.get("/api/v1/me").authToken(issued().value().reveal()).send().status())
        .isEqualTo(200);
  }

  @Test
  void authorizationBearerHeaderOfAnyCase() {
    String token = issued().value().reveal();
    assertThat(server.get("/api/v1/me").bearer(token).send().status()).isEqualTo(200);
    assertThat(server.get("/api/v1/me").header("Authorization", "bearer " + token).send().status())
        .isEqualTo(200);
  }

  @Test
  void otherAuthorizationSchemesAreNotTokens() {
    Res response = server.get("/api/v1/me").header("Authorization", "Basic YWxpY2U6eA==").send();
    assertThat(response.status()).isEqualTo(401);
    assertThat(response.json().get("reason").asText()).isEqualTo("missing_credentials");
  }

  @Test
  void formFieldOfAnUrlencodedPostBody() {
    IssuedToken issued = issued();
    Res refreshed =
        server.post(refreshPath(issued)).form("auth_token=" + issued.value().reveal()).send();
    assertThat(refreshed.status()).as(refreshed.toString()).isEqualTo(200);
  }

  @Test
  void formFieldOfAMultipartPostBody() {
    IssuedToken issued = issued();
    Res refreshed =
        server.post(refreshPath(issued)).multipart("auth_token", issued.value().reveal()).send();
    assertThat(refreshed.status()).as(refreshed.toString()).isEqualTo(200);
  }

  @Test
  void queryParameterAndTheAnswerIsNotStored() {
    Res response = server.get("/api/v1/tokens/self?auth_token=" + issued().value().reveal()).send();
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.header("Cache-Control")).isEqualTo("no-store");
  }

  @Test
  void theSameValueInSeveralTransportsIsOneCredential() {
    String token = issued().value().reveal();
    Res response =
        server.get("/api/v1/tokens/self?auth_token=" + token).authToken(token).bearer(token).send();
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json().get("useCount").asLong()).isEqualTo(1);
  }

  @Test
  void differentValuesInAnyTwoTransportsAreAmbiguous() {
    String one = issued().value().reveal();
    String other = issued().value().reveal();
    assertThat(server.get("/api/v1/me").authToken(one).bearer(other).send().status())
        .isEqualTo(400);
    assertThat(server.get("/api/v1/me?auth_token=" + other).bearer(one).send().status())
        .isEqualTo(400);
    IssuedToken issued = issued();
    Res formAndHeader =
        server.post(refreshPath(issued)).authToken(one).form("auth_token=" + other).send();
    assertThat(formAndHeader.status()).isEqualTo(400);
    assertThat(formAndHeader.json().get("reason").asText()).isEqualTo("ambiguous_credentials");
  }

  @Test
  void aTokenTakesPrecedenceOverASessionCookie() {
    String login = server.fresh("alice");
    server.restUser(login);
    ApiServer.Session session = server.logIn(login);
    User bob = server.restUser(server.fresh("bob"));
    Res me = server.get("/api/v1/me").cookie(session).authToken(server.token(bob, "rest")).send();
    assertThat(me.json().get("user").get("login").asText()).isEqualTo(bob.login());
  }

  @Test
  void aBrokenTokenIsNotRescuedByASessionCookie() {
    String login = server.fresh("alice");
    server.restUser(login);
    ApiServer.Session session = server.logIn(login);
    Res me = server.get("/api/v1/me").cookie(session).authToken("tksp_broken").send();
    assertThat(me.status()).isEqualTo(401);
    assertThat(me.json().get("reason").asText()).isEqualTo("malformed_token");
  }
}
