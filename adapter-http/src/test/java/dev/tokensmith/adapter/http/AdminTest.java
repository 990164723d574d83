package dev.tokensmith.adapter.http;

import static dev.tokensmith.adapter.http.Json.fieldNames;
import static dev.tokensmith.adapter.http.Json.texts;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tokensmith.adapter.http.ApiServer.Res;
import dev.tokensmith.adapter.http.ApiServer.Session;
import dev.tokensmith.application.fake.InMemoryTokensmith;
import dev.tokensmith.application.port.in.IssuedToken;
import dev.tokensmith.domain.account.User;
import io.vavr.control.Option;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The administrators' routes: users, everyone's personal tokens, application tokens. */
class AdminTest {
  static ApiServer server;
  static User root;

  @BeforeAll
  static void start() {
    server = ApiServer.start();
    root = server.administrator("root");
  }

  /** A fresh administrator's session (tests move the clock, which ends older sessions). */
  static Session admin() {
    return server.logIn("root");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static String userBody(String login) {
    return "{\"login\":\""
        + login
        + "\",\"password\":\"correct horse battery\",\"status\":\"enabled\","
        + "\"organization\":\"Acme\",\"profiles\":[\"REST Services User\"],"
        + "\"contact\":{\"firstName\":\"Ada\",\"name\":\"Lovelace\",\"email\":\"ada@acme.test\"}}";
  }

  @Test
  void createdUserIsShownWithoutPasswordAndCanLogIn() {
    String login = server.fresh("ada");
    Res created = server.post("/api/v1/admin/users").session(admin()).json(userBody(login)).send();

    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    assertThat(created.json().toString())
        .isEqualTo(
            "{\"login\":\""
                + login
                + "\",\"status\":\"enabled\",\"organization\":\"Acme\","
                + "\"profiles\":[\"REST Services User\"],"
                + "\"contact\":{\"firstName\":\"Ada\",\"name\":\"Lovelace\",\"email\":\"ada@acme.test\"}}");
    assertThat(created.body()).doesNotContain("correct horse");
    Res loggedIn =
        server
            .post("/api/v1/session")
            .json("{\"login\":\"" + login + "\",\"password\":\"correct horse battery\"}")
            .send();
    assertThat(loggedIn.status()).isEqualTo(200);
  }

  @Test
  void usersAreListedShownEditedAndDeleted() {
    String login = server.fresh("ada");
    server.post("/api/v1/admin/users").session(admin()).json(userBody(login)).send();

    Res list = server.get("/api/v1/admin/users").session(admin()).send();
    assertThat(list.json().findValuesAsText("login")).contains("root", login);

    Res one = server.get("/api/v1/admin/users/" + login).session(admin()).send();
    assertThat(one.json().get("contact").get("email").asText()).isEqualTo("ada@acme.test");

    Res edited =
        server
            .patch("/api/v1/admin/users/" + login)
            .session(admin())
            .json(
                "{\"status\":\"disabled\",\"profiles\":[\"Directory Reader\"],"
                    + "\"contact\":{\"email\":\"ada@new.test\"}}")
            .send();
    assertThat(edited.status()).as(edited.toString()).isEqualTo(200);
    assertThat(edited.json().get("status").asText()).isEqualTo("disabled");
    assertThat(texts(edited.json().get("profiles"))).containsExactly("Directory Reader");
    assertThat(edited.json().get("contact").get("email").asText()).isEqualTo("ada@new.test");
    assertThat(edited.json().get("contact").get("name").asText()).isEqualTo("Lovelace");

    assertThat(server.delete("/api/v1/admin/users/" + login).session(admin()).send().status())
        .isEqualTo(204);
    assertThat(server.get("/api/v1/admin/users/" + login).session(admin()).send().status())
        .isEqualTo(404);
  }

  @Test
  void passwordResetLetsTheUserLogInWithTheNewPassword() {
    String login = server.fresh("alice");
    server.restUser(login);
    server
        .patch("/api/v1/admin/users/" + login)
        .session(admin())
        .json("{\"password\":\"a brand new password\"}")
        .send();
    Res logIn =
        server
            .post("/api/v1/session")
            .json("{\"login\":\"" + login + "\",\"password\":\"a brand new password\"}")
            .send();
    assertThat(logIn.status()).isEqualTo(200);
  }

  @Test
  void aTakenLoginIsAConflict() {
    Res conflict =
        server.post("/api/v1/admin/users").session(admin()).json(userBody("root")).send();
    assertThat(conflict.status()).isEqualTo(409);
    assertThat(conflict.json().get("error").asText()).isEqualTo("conflict");
    assertThat(conflict.json().get("message").asText()).contains("login");
  }

  @Test
  void administratorsCannotDeleteThemselves() {
    assertThat(server.delete("/api/v1/admin/users/root").session(admin()).send().status())
        .isEqualTo(409);
  }

  @Test
  void everyonesPersonalTokensAreListedFilteredShownAndDeleted() {
    User alice = server.restUser(server.fresh("alice"));
    User bob = server.restUser(server.fresh("bob"));
    IssuedToken plain = server.issue(alice, "rest");
    IssuedToken expiring =
        server.issue(alice, Option.some(InMemoryTokensmith.START.plus(Duration.ofDays(2))), "rest");
    IssuedToken expired =
        server.issue(bob, Option.some(InMemoryTokensmith.START.plus(Duration.ofHours(1))), "rest");
    server.clock.advance(Duration.ofHours(2));
    try {
      assertThat(ids("/api/v1/admin/personal-tokens?owner=" + alice.login()))
          .containsExactlyInAnyOrder(id(plain), id(expiring));
      assertThat(ids("/api/v1/admin/personal-tokens?expired=true")).containsExactly(id(expired));
      assertThat(ids("/api/v1/admin/personal-tokens?expiring=true")).containsExactly(id(expiring));
      assertThat(ids("/api/v1/admin/personal-tokens")).contains(id(plain), id(expired));

      Res one = server.get("/api/v1/admin/personal-tokens/" + id(expired)).session(admin()).send();
      assertThat(one.json().get("expired").asBoolean()).isTrue();
      assertThat(one.json().get("owner").get("login").asText()).isEqualTo(bob.login());
      assertThat(one.json().has("recentFailures")).isTrue();

      assertThat(
              server
                  .delete("/api/v1/admin/personal-tokens/" + id(plain))
                  .session(admin())
                  .send()
                  .status())
          .isEqualTo(204);
      assertThat(ids("/api/v1/admin/personal-tokens?owner=" + alice.login()))
          .containsExactly(id(expiring));
    } finally {
      server.clock.set(InMemoryTokensmith.START);
    }
  }

  @Test
  void applicationTokensAreCreatedListedShownEditedRefreshedAndDeleted() {
    String login = server.fresh("billing");
    Res created =
        server
            .post("/api/v1/admin/application-tokens")
            .session(admin())
            .json(
                "{\"login\":\""
                    + login
                    + "\",\"organization\":\"My Company\",\"profiles\":[\"REST Services User\"],"
                    + "\"scopes\":[\"rest\",\"Synchro\"],\"expiresAt\":null}")
            .send();
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    String secret = created.json().get("secret").asText();
    assertThat(secret).startsWith("tksa_").hasSize(76);
    JsonNode token = created.json().get("token");
    assertThat(fieldNames(token))
        .containsExactly(
            "id",
            "kind",
            "login",
            "status",
            "organization",
            "profiles",
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
    assertThat(token.get("kind").asText()).isEqualTo("application");
    assertThat(token.get("login").asText()).isEqualTo(login);
    assertThat(token.get("status").asText()).isEqualTo("enabled");
    assertThat(texts(token.get("scopes"))).containsExactly("rest", "synchro");
    String id = token.get("id").asText();
    String path = "/api/v1/admin/application-tokens/" + id;

    assertThat(server.get("/api/v1/tokens/self").bearer(secret).send().status()).isEqualTo(200);
    assertThat(
            server
                .get("/api/v1/admin/application-tokens")
                .session(admin())
                .send()
                .json()
                .findValuesAsText("id"))
        .contains(id);
    Res shown = server.get(path).session(admin()).send();
    assertThat(shown.json().get("useCount").asLong()).isEqualTo(1);
    assertThat(shown.json().get("recentFailures").isArray()).isTrue();

    Res edited =
        server
            .patch(path)
            .session(admin())
            .json("{\"status\":\"disabled\",\"scopes\":[\"export\"]}")
            .send();
    assertThat(edited.status()).as(edited.toString()).isEqualTo(200);
    assertThat(edited.json().get("status").asText()).isEqualTo("disabled");
    assertThat(texts(edited.json().get("scopes"))).containsExactly("export");
    server
        .patch(path)
        .session(admin())
        .json("{\"status\":\"enabled\",\"scopes\":[\"rest\"]}")
        .send();

    Res refreshed = server.post(path + "/refresh").session(admin()).send();
    assertThat(refreshed.status()).isEqualTo(200);
    String newSecret = refreshed.json().get("secret").asText();
    assertThat(server.get("/api/v1/tokens/self").bearer(secret).send().status()).isEqualTo(401);
    assertThat(server.get("/api/v1/tokens/self").bearer(newSecret).send().status()).isEqualTo(200);

    assertThat(server.delete(path).session(admin()).send().status()).isEqualTo(204);
    assertThat(server.get(path).session(admin()).send().status()).isEqualTo(404);
  }

  @Test
  void personalTokenIdsAreNotFoundAmongApplicationTokens() {
    User alice = server.restUser(server.fresh("alice"));
    String personal = id(server.issue(alice, "rest"));
    assertThat(
            server
                .get("/api/v1/admin/application-tokens/" + personal)
                .session(admin())
                .send()
                .status())
        .isEqualTo(404);
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
    "GET, /api/v1/admin/users",
    "POST, /api/v1/admin/users",
    "GET, /api/v1/admin/users/root",
    "PATCH, /api/v1/admin/users/root",
    "DELETE, /api/v1/admin/users/root",
    "GET, /api/v1/admin/personal-tokens",
    "GET, /api/v1/admin/personal-tokens/ID",
    "DELETE, /api/v1/admin/personal-tokens/ID",
    "GET, /api/v1/admin/application-tokens",
    "POST, /api/v1/admin/application-tokens",
    "GET, /api/v1/admin/application-tokens/APP",
    "PATCH, /api/v1/admin/application-tokens/APP",
    "DELETE, /api/v1/admin/application-tokens/APP",
    "POST, /api/v1/admin/application-tokens/APP/refresh"
  })
  void nonAdministratorsAreForbiddenOnEveryAdminRoute(String method, String path) {
    String login = server.fresh("alice");
    User alice = server.restUser(login);
    String ownToken = id(server.issue(alice, "rest"));
    String app =
        id(
            server.applicationToken(
                root, server.fresh("app"), Set.of("REST Services User"), "rest"));
    String resolved = path.replace("ID", ownToken).replace("APP", app);

    Res bySession = server.request(method, resolved).session(server.logIn(login)).json("{}").send();
    Res byToken =
        server.request(method, resolved).authToken(server.token(alice, "rest")).json("{}").send();

    for (Res response : List.of(bySession, byToken)) {
      assertThat(response.status()).as(response.toString()).isEqualTo(403);
      assertThat(response.json().get("error").asText()).isEqualTo("forbidden");
    }
  }

  static String id(IssuedToken issued) {
    return issued.summary().token().id().text();
  }

  static List<String> ids(String path) {
    Res response = server.get(path).session(admin()).send();
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    return response.json().findValuesAsText("id");
  }
}
