package dev.tokensmith.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokensmith.adapter.http.ApiServer.Res;
import dev.tokensmith.application.fake.InMemoryTokensmith;
import dev.tokensmith.application.port.in.IssuedToken;
import dev.tokensmith.domain.account.User;
import io.vavr.control.Option;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** RFC 7662 introspection and RFC 7009 revocation. */
class IntrospectionAndRevocationTest {
  static final String INTROSPECT = "/api/v1/tokens/introspect";
  static final String REVOKE = "/api/v1/tokens/revoke";

  static ApiServer server;
  static String introspector;

  @BeforeAll
  static void start() {
    server = ApiServer.start();
    introspector = server.token(server.restUser("gateway"), "introspect");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void activeTokenIsDescribedInRfc7662Shape() {
    User alice = server.restUser(server.fresh("alice"));
    IssuedToken issued =
        server.issue(
            alice,
            Option.some(InMemoryTokensmith.START.plus(Duration.ofDays(30))),
            "rest",
            "Export");

    Res response =
        server
            .post(INTROSPECT)
            .bearer(introspector)
            .form("token=" + issued.value().reveal())
            .send();

    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    assertThat(response.json().toString())
        .isEqualTo(
            "{\"active\":true,\"scope\":\"export rest\",\"token_type\":\"personal\","
                + "\"username\":\""
                + alice.login()
                + "\",\"sub\":\""
                + alice.login()
                + "\",\"jti\":\""
                + issued.summary().token().id().text()
                + "\",\"exp\":"
                + InMemoryTokensmith.START.plus(Duration.ofDays(30)).getEpochSecond()
                + ",\"iat\":"
                + InMemoryTokensmith.START.getEpochSecond()
                + "}");
    assertThat(response.header("Cache-Control")).isEqualTo("no-store");
  }

  @Test
  void anythingNotValidIsJustInactive() {
    User alice = server.restUser(server.fresh("alice"));
    IssuedToken issued = server.issue(alice, "rest");
    server.post(REVOKE).form("token=" + issued.value().reveal()).send();

    String[][] cases = {
      {issued.value().reveal(), "token_deleted"},
      {"tksp_garbage", "malformed_token"},
      {"hello", "malformed_token"}
    };
    for (String[] valueAndReason : cases) {
      Res response =
          server.post(INTROSPECT).authToken(introspector).form("token=" + valueAndReason[0]).send();
      assertThat(response.status()).isEqualTo(200);
      // RFC 7662's answer, with tokensmith's extension members saying why (the plugin's refusal)
      assertThat(response.json().get("active").asBoolean()).isFalse();
      assertThat(response.json().get("reason").asText()).isEqualTo(valueAndReason[1]);
      assertThat(response.json().get("message").asText()).isNotBlank();
      assertThat(response.json().has("scope")).isFalse();
      assertThat(response.body()).doesNotContain(valueAndReason[0]);
    }
  }

  @Test
  void introspectionDoesNotCountAsAUseOfTheIntrospectedToken() {
    User alice = server.restUser(server.fresh("alice"));
    IssuedToken issued = server.issue(alice, "rest");
    server.post(INTROSPECT).authToken(introspector).form("token=" + issued.value().reveal()).send();
    Res self = server.get("/api/v1/tokens/self").authToken(issued.value().reveal()).send();
    assertThat(self.json().get("useCount").asLong()).isEqualTo(1);
  }

  @Test
  void callerNeedsScopeIntrospectAndRestIsNotEnough() {
    User alice = server.restUser(server.fresh("alice"));
    String restOnly = server.token(alice, "rest");
    Res refused = server.post(INTROSPECT).authToken(restOnly).form("token=" + restOnly).send();
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.json().get("reason").asText()).isEqualTo("scope_not_granted");
    assertThat(refused.header("WWW-Authenticate")).endsWith("scope=\"introspect\"");
    assertThat(server.post(INTROSPECT).form("token=" + restOnly).send().status()).isEqualTo(401);
  }

  @Test
  void theCallersTokenMayTravelInTheSameForm() {
    User alice = server.restUser(server.fresh("alice"));
    String value = server.token(alice, "rest");
    Res response =
        server.post(INTROSPECT).form("auth_token=" + introspector + "&token=" + value).send();
    assertThat(response.json().get("active").asBoolean()).isTrue();
  }

  @Test
  void revocationByValueNeedsNoLoginAndAlwaysAnswers200() {
    User alice = server.restUser(server.fresh("alice"));
    IssuedToken issued = server.issue(alice, "rest");

    Res revoked = server.post(REVOKE).form("token=" + issued.value().reveal()).send();
    Res again = server.post(REVOKE).form("token=" + issued.value().reveal()).send();
    Res garbage = server.post(REVOKE).form("token=whatever").send();

    assertThat(revoked.status()).isEqualTo(200);
    assertThat(again.status()).isEqualTo(200);
    assertThat(garbage.status()).isEqualTo(200);
    assertThat(revoked.body()).isEqualTo(garbage.body()).isEqualTo("{}");
    Res refused = server.get("/api/v1/tokens/self").authToken(issued.value().reveal()).send();
    assertThat(refused.json().get("reason").asText()).isEqualTo("token_deleted");
  }

  @Test
  void revocationWithoutATokenFieldNamesIt() {
    Res response = server.post(REVOKE).form("nothing=here").send();
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().get("message").asText()).startsWith("token");
  }
}
