package dev.tokensmith.adapter.http;

import static dev.tokensmith.adapter.http.Json.fieldNames;
import static dev.tokensmith.adapter.http.Json.texts;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tokensmith.adapter.http.ApiServer.Res;
import dev.tokensmith.adapter.http.ApiServer.Session;
import dev.tokensmith.application.fake.InMemoryTokensmith;
import dev.tokensmith.application.port.in.IssuedToken;
import dev.tokensmith.domain.account.Profile;
import dev.tokensmith.domain.account.User;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class MyTokensTest {
  static final String START = InMemoryTokensmith.START.toString();

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
  void meShowsTheUserAndTheirContact() {
    String login = server.fresh("alice");
    server.restUser(login);
    Res me = server.get("/api/v1/me").session(server.logIn(login)).send();

    assertThat(me.status()).isEqualTo(200);
    assertThat(me.json().toString())
        .isEqualTo(
            "{\"user\":{\"login\":\""
                + login
                + "\",\"organization\":\"My Company\",\"profiles\":[\"REST Services User\"],"
                + "\"status\":\"enabled\"},"
                + "\"contact\":{\"firstName\":\"First\",\"name\":\""
                + login
                + "\",\"email\":\""
                + login
                + "@example.com\"},"
                + "\"personalTokens\":{\"allowed\":true,\"reason\":null}}");
    assertThat(me.header("Cache-Control")).isEqualTo("no-store");
  }

  @Test
  void meThroughAPersonalTokenShowsTheSameAccountAsThroughTheSession() {
    String login = server.fresh("alice");
    User alice = server.restUser(login);
    String token = server.token(alice, "rest");

    Res bySession = server.get("/api/v1/me").session(server.logIn(login)).send();
    Res byToken = server.get("/api/v1/me").authToken(token).send();

    assertThat(byToken.status()).isEqualTo(200);
    assertThat(byToken.json()).isEqualTo(bySession.json());
    assertThat(byToken.json().get("contact").get("email").asText())
        .isEqualTo(login + "@example.com");
  }

  @Test
  void meSaysWhyAUserWithoutAPersonalTokenProfileMayNotOwnTokens() {
    String login = server.fresh("reader");
    server.user(login, Profile.DIRECTORY_READER);
    Res me = server.get("/api/v1/me").session(server.logIn(login)).send();

    assertThat(me.status()).isEqualTo(200);
    JsonNode personalTokens = me.json().get("personalTokens");
    assertThat(personalTokens.get("allowed").asBoolean()).isFalse();
    assertThat(personalTokens.get("reason").asText())
        .contains("Personal tokens are only for users holding a profile allowed to own them")
        .contains("(Directory Reader)")
        .contains("Ask an administrator");
  }

  @Test
  void createdTokenIsReturnedOnceWithItsSecretAndTheExactView() {
    String login = server.fresh("alice");
    server.restUser(login);
    Session session = server.logIn(login);

    Res created =
        server
            .post("/api/v1/me/tokens")
            .session(session)
            .json(
                "{\"application\":\" backup script \",\"scopes\":[\"rest\",\"Export\"],"
                    + "\"expiresAt\":\"2026-02-01T00:00:00Z\"}")
            .send();

    assertThat(created.status()).isEqualTo(201);
    JsonNode body = created.json();
    assertThat(fieldNames(body)).containsExactly("token", "secret");
    assertThat(body.get("secret").asText()).startsWith("tksp_").hasSize(76);
    JsonNode token = body.get("token");
    assertThat(fieldNames(token))
        .containsExactly(
            "id",
            "kind",
            "application",
            "owner",
            "scopes",
            "createdAt",
            "expiresAt",
            "expired",
            "expiresSoon",
            "useCount",
            "lastUsedAt",
            "lastUsedIp",
            "refreshedAt",
            "policyDeadline",
            "policyDeadlineReason");
    assertThat(token.get("id").asText()).hasSize(22);
    assertThat(body.get("secret").asText()).contains(token.get("id").asText());
    assertThat(token.get("kind").asText()).isEqualTo("personal");
    assertThat(token.get("application").asText()).isEqualTo("backup script");
    assertThat(token.get("owner").toString()).isEqualTo("{\"login\":\"" + login + "\"}");
    assertThat(texts(token.get("scopes"))).containsExactly("export", "rest");
    assertThat(token.get("createdAt").asText()).isEqualTo(START);
    assertThat(token.get("expiresAt").asText()).isEqualTo("2026-02-01T00:00:00Z");
    assertThat(token.get("expired").asBoolean()).isFalse();
    assertThat(token.get("expiresSoon").asBoolean()).isFalse();
    assertThat(token.get("useCount").asLong()).isZero();
    assertThat(token.get("lastUsedAt").isNull()).isTrue();
    assertThat(token.get("lastUsedIp").isNull()).isTrue();
    assertThat(token.get("refreshedAt").isNull()).isTrue();
    assertThat(created.header("Cache-Control")).isEqualTo("no-store");
  }

  @Test
  void tokenWithoutExpiryHasANullExpiresAt() {
    String login = server.fresh("alice");
    server.restUser(login);
    Res created =
        server
            .post("/api/v1/me/tokens")
            .session(server.logIn(login))
            .json("{\"application\":\"cron\",\"scopes\":[\"rest\"]}")
            .send();
    assertThat(created.status()).isEqualTo(201);
    assertThat(created.json().get("token").get("expiresAt").isNull()).isTrue();
  }

  @Test
  void listShowsMyTokensWithoutSecrets() {
    String login = server.fresh("alice");
    User alice = server.restUser(login);
    IssuedToken first = server.issue(alice, "rest");
    IssuedToken second = server.issue(alice, "export");
    server.issue(server.restUser(server.fresh("bob")), "rest");

    Res list = server.get("/api/v1/me/tokens").session(server.logIn(login)).send();

    assertThat(list.status()).isEqualTo(200);
    assertThat(list.json().isArray()).isTrue();
    assertThat(list.json().findValuesAsText("id"))
        .containsExactlyInAnyOrder(
            first.summary().token().id().text(), second.summary().token().id().text());
    assertThat(list.body())
        .doesNotContain(first.value().reveal())
        .doesNotContain("secret")
        .doesNotContain("recentFailures");
  }

  @Test
  void singleTokenViewAddsTheRecentFailures() {
    String login = server.fresh("alice");
    User alice = server.restUser(login);
    IssuedToken issued = server.issue(alice, "export");
    String id = issued.summary().token().id().text();
    server.get("/api/v1/tokens/self").authToken(issued.value().reveal()).send(); // lacks rest

    Res view = server.get("/api/v1/me/tokens/" + id).session(server.logIn(login)).send();

    assertThat(view.status()).isEqualTo(200);
    assertThat(fieldNames(view.json()))
        .endsWith("refreshedAt", "policyDeadline", "policyDeadlineReason", "recentFailures");
    JsonNode failure = view.json().get("recentFailures").get(0);
    assertThat(fieldNames(failure))
        .containsExactly("at", "reason", "message", "address", "endpoint");
    assertThat(failure.get("at").asText()).isEqualTo(START);
    assertThat(failure.get("reason").asText()).isEqualTo("scope_not_granted");
    assertThat(failure.get("address").asText()).isEqualTo("127.0.0.1");
    assertThat(failure.get("endpoint").asText()).isEqualTo("GET /api/v1/tokens/self");
  }

  @Test
  void editChangesOnlyTheFieldsSentAndNullRemovesTheExpiry() {
    String login = server.fresh("alice");
    User alice = server.restUser(login);
    IssuedToken issued =
        server.issue(
            alice,
            io.vavr.control.Option.some(InMemoryTokensmith.START.plus(Duration.ofDays(3))),
            "rest");
    String id = issued.summary().token().id().text();
    Session session = server.logIn(login);

    Res renamed =
        server
            .patch("/api/v1/me/tokens/" + id)
            .session(session)
            .json("{\"application\":\"renamed\"}")
            .send();
    assertThat(renamed.status()).isEqualTo(200);
    assertThat(renamed.json().get("application").asText()).isEqualTo("renamed");
    assertThat(renamed.json().get("expiresSoon").asBoolean()).isTrue();
    assertThat(texts(renamed.json().get("scopes"))).containsExactly("rest");

    Res edited =
        server
            .patch("/api/v1/me/tokens/" + id)
            .session(session)
            .json("{\"scopes\":[\"rest\",\"import\"],\"expiresAt\":null}")
            .send();
    assertThat(edited.json().get("application").asText()).isEqualTo("renamed");
    assertThat(texts(edited.json().get("scopes"))).containsExactly("import", "rest");
    assertThat(edited.json().get("expiresAt").isNull()).isTrue();
    assertThat(edited.json().get("expiresSoon").asBoolean()).isFalse();
  }

  @Test
  void refreshGivesANewSecretAndKeepsIdAndCounters() {
    String login = server.fresh("alice");
    User alice = server.restUser(login);
    IssuedToken issued = server.issue(alice, "rest");
    String old = issued.value().reveal();
    String id = issued.summary().token().id().text();
    server.get("/api/v1/tokens/self").authToken(old).send();

    Res refreshed =
        server.post("/api/v1/me/tokens/" + id + "/refresh").session(server.logIn(login)).send();

    assertThat(refreshed.status()).isEqualTo(200);
    assertThat(fieldNames(refreshed.json())).containsExactly("token", "secret");
    String secret = refreshed.json().get("secret").asText();
    assertThat(secret).isNotEqualTo(old).startsWith("tksp_");
    JsonNode token = refreshed.json().get("token");
    assertThat(token.get("id").asText()).isEqualTo(id);
    assertThat(token.get("useCount").asLong()).isEqualTo(1);
    assertThat(token.get("refreshedAt").asText()).isEqualTo(START);
    assertThat(server.get("/api/v1/tokens/self").authToken(secret).send().status()).isEqualTo(200);
  }

  @Test
  void deleteAnswers204AndTheTokenIsGone() {
    String login = server.fresh("alice");
    User alice = server.restUser(login);
    String id = server.issue(alice, "rest").summary().token().id().text();
    Session session = server.logIn(login);

    Res deleted = server.delete("/api/v1/me/tokens/" + id).session(session).send();

    assertThat(deleted.status()).isEqualTo(204);
    assertThat(deleted.body()).isEmpty();
    assertThat(server.get("/api/v1/me/tokens/" + id).session(session).send().status())
        .isEqualTo(404);
  }

  @Test
  void useCountsAfterNCallsAreExact() {
    String login = server.fresh("alice");
    User alice = server.restUser(login);
    IssuedToken issued = server.issue(alice, "rest");
    Res last = null;
    for (int i = 0; i < 5; i++) {
      last = server.get("/api/v1/tokens/self").authToken(issued.value().reveal()).send();
    }
    assertThat(last.json().get("useCount").asLong()).isEqualTo(5);

    Res view =
        server
            .get("/api/v1/me/tokens/" + issued.summary().token().id().text())
            .session(server.logIn(login))
            .send();
    assertThat(view.json().get("useCount").asLong()).isEqualTo(5);
    assertThat(view.json().get("lastUsedAt").asText()).isEqualTo(START);
    assertThat(view.json().get("lastUsedIp").asText()).isEqualTo("127.0.0.1");
  }

  @Test
  void anotherUsersTokenIsNotFoundOnEveryRoute() {
    User bob = server.restUser(server.fresh("bob"));
    String bobs = server.issue(bob, "rest").summary().token().id().text();
    String alice = server.fresh("alice");
    server.restUser(alice);
    Session session = server.logIn(alice);
    String path = "/api/v1/me/tokens/" + bobs;

    assertThat(server.get(path).session(session).send().status()).isEqualTo(404);
    assertThat(server.patch(path).session(session).json("{\"application\":\"x\"}").send().status())
        .isEqualTo(404);
    assertThat(server.post(path + "/refresh").session(session).send().status()).isEqualTo(404);
    Res deleted = server.delete(path).session(session).send();
    assertThat(deleted.status()).isEqualTo(404);
    assertThat(deleted.json().get("error").asText()).isEqualTo("not_found");
    assertThat(server.issue(bob, "rest")).isNotNull();
  }

  @Test
  void underMeAnAdministratorReachesOnlyTheirOwnTokens() {
    User bob = server.restUser(server.fresh("bob"));
    IssuedToken bobs = server.issue(bob, "rest");
    String path = "/api/v1/me/tokens/" + bobs.summary().token().id().text();
    String admin = server.fresh("admin");
    server.administrator(admin);
    Session session = server.logIn(admin);

    assertThat(server.get(path).session(session).send().status()).isEqualTo(404);
    assertThat(server.delete(path).session(session).send().status()).isEqualTo(404);
    assertThat(server.post(path + "/refresh").session(session).send().status()).isEqualTo(404);
    assertThat(server.get("/api/v1/tokens/self").authToken(bobs.value().reveal()).send().status())
        .isEqualTo(200);
  }

  @Test
  void userWithoutAPersonalTokenProfileMayNotCreateOne() {
    String login = server.fresh("reader");
    server.user(login, Profile.DIRECTORY_READER);
    Res refused =
        server
            .post("/api/v1/me/tokens")
            .session(server.logIn(login))
            .json("{\"application\":\"x\",\"scopes\":[\"rest\"]}")
            .send();
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.json().get("error").asText()).isEqualTo("forbidden");
  }

  @Test
  void aTokenWithScopeRestWorksOnTheMeRoutesToo() {
    String login = server.fresh("alice");
    User alice = server.restUser(login);
    String token = server.token(alice, "rest");

    Res created =
        server
            .post("/api/v1/me/tokens")
            .bearer(token)
            .json("{\"application\":\"made by a script\",\"scopes\":[\"export\"]}")
            .send();

    assertThat(created.status()).isEqualTo(201);
    assertThat(server.get("/api/v1/me/tokens").bearer(token).send().json()).hasSize(2);
  }

  @Test
  void selfShowsTheCallingTokensView() {
    String login = server.fresh("alice");
    User alice = server.restUser(login);
    IssuedToken issued = server.issue(alice, "rest", "export");

    Res self = server.get("/api/v1/tokens/self").authToken(issued.value().reveal()).send();

    assertThat(self.status()).isEqualTo(200);
    assertThat(self.json().get("id").asText()).isEqualTo(issued.summary().token().id().text());
    assertThat(self.json().get("owner").get("login").asText()).isEqualTo(login);
    assertThat(self.json().get("useCount").asLong()).isEqualTo(1);
    assertThat(self.json().has("recentFailures")).isFalse();
    assertThat(self.body()).doesNotContain(issued.value().reveal());
  }

  @Test
  void selfIsForTokensOnlyNotForSessions() {
    String login = server.fresh("alice");
    server.restUser(login);
    Res refused = server.get("/api/v1/tokens/self").session(server.logIn(login)).send();
    assertThat(refused.status()).isEqualTo(401);
    assertThat(refused.json().get("reason").asText()).isEqualTo("missing_credentials");
  }
}
