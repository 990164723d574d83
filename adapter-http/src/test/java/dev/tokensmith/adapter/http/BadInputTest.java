package dev.tokensmith.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokensmith.adapter.http.ApiServer.Req;
import dev.tokensmith.adapter.http.ApiServer.Res;
import dev.tokensmith.application.service.TokensmithCore;
import dev.tokensmith.domain.account.User;
import dev.tokensmith.domain.token.TokenRules;
import io.vavr.control.Option;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input on every route taking a body, id or filter: 400 with a message naming the field, the
 * API's error shape, never a 500 and never an echo of a secret.
 */
class BadInputTest {
  static final String JSON = "application/json";
  static final String FORM = "application/x-www-form-urlencoded";
  static final String SECRET_PASSWORD = "s3cret-Passw0rd-never-echoed";

  static ApiServer server;
  static String mine;
  static String app;
  static String introspector;
  static String aTokenValue;

  enum Auth {
    NONE,
    ADMIN_SESSION,
    INTROSPECTOR
  }

  record Row(
      String name, String method, String path, String contentType, String body, String field) {
    Auth auth() {
      if (path.equals("/api/v1/session") || path.startsWith("/api/v1/tokens/revoke")) {
        return Auth.NONE;
      }
      return path.startsWith("/api/v1/tokens/introspect") ? Auth.INTROSPECTOR : Auth.ADMIN_SESSION;
    }

    @Override
    public String toString() {
      return name;
    }
  }

  @BeforeAll
  static void start() {
    TokensmithCore.Settings defaults = TokensmithCore.Settings.DEFAULT;
    server =
        ApiServer.start(
            new TokensmithCore.Settings(
                defaults.codec(),
                defaults.scopes(),
                new TokenRules(Option.some(Duration.ofDays(90)), Duration.ZERO),
                defaults.policy()),
            settings -> settings);
    User root = server.administrator("root");
    mine = server.issue(root, "rest").summary().token().id().text();
    aTokenValue = server.token(root, "rest");
    app =
        server
            .applicationToken(root, "billing", Set.of("REST Services User"), "rest")
            .summary()
            .token()
            .id()
            .text();
    introspector = server.token(root, "introspect");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static Row json(String name, String method, String path, String body, String field) {
    return new Row(name, method, path, JSON, body, field);
  }

  static Stream<Row> rows() {
    String meTokens = "/api/v1/me/tokens";
    String myToken = "/api/v1/me/tokens/MINE";
    String users = "/api/v1/admin/users";
    String apps = "/api/v1/admin/application-tokens";
    String anApp = "/api/v1/admin/application-tokens/APP";
    String big = "{\"application\":\"" + "a".repeat(70_000) + "\",\"scopes\":[\"rest\"]}";
    return Stream.of(
        // login
        json("login: malformed JSON", "POST", "/api/v1/session", "{\"login\":", "body"),
        json("login: not an object", "POST", "/api/v1/session", "[]", "body"),
        json("login: empty body", "POST", "/api/v1/session", "", "body"),
        json(
            "login: wrong type",
            "POST",
            "/api/v1/session",
            "{\"login\":1,\"password\":\"" + SECRET_PASSWORD + "\"}",
            "login"),
        json(
            "login: unknown field",
            "POST",
            "/api/v1/session",
            "{\"login\":\"a\",\"password\":\"" + SECRET_PASSWORD + "\",\"remember\":true}",
            "remember"),
        json("login: missing password", "POST", "/api/v1/session", "{\"login\":\"a\"}", "password"),
        // create a personal token
        json("create: malformed JSON", "POST", meTokens, "{\"application\" \"x\"}", "body"),
        json(
            "create: duplicate key",
            "POST",
            meTokens,
            "{\"application\":\"x\",\"application\":\"y\",\"scopes\":[\"rest\"]}",
            "body"),
        json(
            "create: trailing garbage",
            "POST",
            meTokens,
            "{\"application\":\"x\",\"scopes\":[\"rest\"]} {}",
            "body"),
        json(
            "create: application not a string",
            "POST",
            meTokens,
            "{\"application\":5}",
            "application"),
        json(
            "create: scopes not an array",
            "POST",
            meTokens,
            "{\"application\":\"x\",\"scopes\":\"rest\"}",
            "scopes"),
        json(
            "create: scopes of numbers",
            "POST",
            meTokens,
            "{\"application\":\"x\",\"scopes\":[1]}",
            "scopes"),
        json(
            "create: unknown field",
            "POST",
            meTokens,
            "{\"application\":\"x\",\"scopes\":[\"rest\"],\"owner\":\"root\"}",
            "owner"),
        json(
            "create: unknown scope",
            "POST",
            meTokens,
            "{\"application\":\"x\",\"scopes\":[\"everything\"]}",
            "scopes"),
        json(
            "create: no scope",
            "POST",
            meTokens,
            "{\"application\":\"x\",\"scopes\":[]}",
            "scopes"),
        json("create: missing scopes", "POST", meTokens, "{\"application\":\"x\"}", "scopes"),
        json(
            "create: blank application",
            "POST",
            meTokens,
            "{\"application\":\"   \",\"scopes\":[\"rest\"]}",
            "application"),
        json(
            "create: overlong application",
            "POST",
            meTokens,
            "{\"application\":\"" + "a".repeat(256) + "\",\"scopes\":[\"rest\"]}",
            "application"),
        json(
            "create: past expiry",
            "POST",
            meTokens,
            "{\"application\":\"x\",\"scopes\":[\"rest\"],\"expiresAt\":\"2020-01-01T00:00:00Z\"}",
            "expiresAt"),
        json(
            "create: expiry beyond the maximum lifetime",
            "POST",
            meTokens,
            "{\"application\":\"x\",\"scopes\":[\"rest\"],\"expiresAt\":\"2030-01-01T00:00:00Z\"}",
            "expiresAt"),
        json(
            "create: expiry not an instant",
            "POST",
            meTokens,
            "{\"application\":\"x\",\"scopes\":[\"rest\"],\"expiresAt\":\"tomorrow\"}",
            "expiresAt"),
        json(
            "create: expiry a number",
            "POST",
            meTokens,
            "{\"application\":\"x\",\"scopes\":[\"rest\"],\"expiresAt\":1767225600}",
            "expiresAt"),
        json(
            "create: expiry after year 9999",
            "POST",
            meTokens,
            "{\"application\":\"x\",\"scopes\":[\"rest\"],\"expiresAt\":\"+10000-01-01T00:00:00Z\"}",
            "expiresAt"),
        json("create: oversized body", "POST", meTokens, big, "body"),
        new Row(
            "create: form instead of JSON",
            "POST",
            meTokens,
            FORM,
            "application=x&scopes=rest",
            "body"),
        // edit a personal token
        json("edit: malformed JSON", "PATCH", myToken, "{", "body"),
        json("edit: blank application", "PATCH", myToken, "{\"application\":\"\"}", "application"),
        json("edit: null application", "PATCH", myToken, "{\"application\":null}", "application"),
        json("edit: null scopes", "PATCH", myToken, "{\"scopes\":null}", "scopes"),
        json("edit: unknown scope", "PATCH", myToken, "{\"scopes\":[\"REST\"]}", "scopes"),
        json(
            "edit: past expiry",
            "PATCH",
            myToken,
            "{\"expiresAt\":\"2026-01-15T08:59:59Z\"}",
            "expiresAt"),
        json("edit: unknown field", "PATCH", myToken, "{\"kind\":\"application\"}", "kind"),
        // users
        json("user: malformed JSON", "POST", users, "{\"login\":}", "body"),
        json("user: missing login", "POST", users, userBody(null, "enabled", "\"x\""), "login"),
        json(
            "user: invalid login",
            "POST",
            users,
            userBody("has spaces", "enabled", "\"x\""),
            "login"),
        json(
            "user: short password",
            "POST",
            users,
            userBody("u1", "enabled", "\"short\""),
            "password"),
        json("user: bad status", "POST", users, userBody("u2", "paused", "\"x\""), "status"),
        json(
            "user: profiles not an array",
            "POST",
            users,
            "{\"login\":\"u3\",\"profiles\":\"Administrator\"}",
            "profiles"),
        json(
            "user: unknown profile",
            "POST",
            users,
            userBody("u4", "enabled", "\"x\"").replace("Directory Reader", "Superuser"),
            "profiles"),
        json(
            "user: contact not an object",
            "POST",
            users,
            "{\"login\":\"u5\",\"contact\":[]}",
            "contact"),
        json(
            "user: unknown contact field",
            "POST",
            users,
            "{\"login\":\"u6\",\"contact\":{\"phone\":\"1\"}}",
            "contact.phone"),
        json(
            "user: bad email",
            "POST",
            users,
            userBody("u7", "enabled", "\"x\"").replace("u7@example.com", "not-an-email"),
            "contact.email"),
        json(
            "user: missing contact",
            "POST",
            users,
            "{\"login\":\"u8\",\"password\":\"" + SECRET_PASSWORD + "\",\"organization\":\"Acme\"}",
            "contact.firstName"),
        json("user edit: login", "PATCH", users + "/root", "{\"login\":\"other\"}", "login"),
        json("user edit: status wrong type", "PATCH", users + "/root", "{\"status\":1}", "status"),
        json(
            "user edit: bad status", "PATCH", users + "/root", "{\"status\":\"paused\"}", "status"),
        // application tokens
        json("app: malformed JSON", "POST", apps, "nope", "body"),
        json(
            "app: missing login",
            "POST",
            apps,
            "{\"organization\":\"My Company\",\"scopes\":[\"rest\"]}",
            "login"),
        json(
            "app: unknown organization",
            "POST",
            apps,
            "{\"login\":\"a1\",\"organization\":\"Nowhere\",\"scopes\":[\"rest\"]}",
            "organization"),
        json(
            "app: unknown scope",
            "POST",
            apps,
            "{\"login\":\"a2\",\"organization\":\"My Company\",\"scopes\":[\"root\"]}",
            "scopes"),
        json(
            "app: unknown profile",
            "POST",
            apps,
            "{\"login\":\"a3\",\"organization\":\"My Company\",\"profiles\":[\"God\"],"
                + "\"scopes\":[\"rest\"]}",
            "profiles"),
        json(
            "app: past expiry",
            "POST",
            apps,
            "{\"login\":\"a4\",\"organization\":\"My Company\",\"scopes\":[\"rest\"],"
                + "\"expiresAt\":\"2000-01-01T00:00:00Z\"}",
            "expiresAt"),
        json("app edit: bad status", "PATCH", anApp, "{\"status\":\"on\"}", "status"),
        json("app edit: login", "PATCH", anApp, "{\"login\":\"renamed\"}", "login"),
        json("app edit: no scope", "PATCH", anApp, "{\"scopes\":[]}", "scopes"),
        // forms
        new Row("introspect: no token", "POST", "/api/v1/tokens/introspect", FORM, "x=1", "token"),
        json(
            "introspect: JSON body",
            "POST",
            "/api/v1/tokens/introspect",
            "{\"token\":\"t\"}",
            "token"),
        new Row("revoke: no token", "POST", "/api/v1/tokens/revoke", FORM, "", "token"),
        new Row(
            "revoke: malformed form", "POST", "/api/v1/tokens/revoke", FORM, "token=%zz", "body"),
        new Row(
            "revoke: malformed multipart",
            "POST",
            "/api/v1/tokens/revoke",
            "multipart/form-data; boundary=xyz",
            "--xyz\r\nContent-Disposition: nonsense\r\n",
            "body"),
        // ids, filters, paths
        new Row("id: too short", "GET", "/api/v1/me/tokens/short", null, null, "id"),
        new Row(
            "id: bad character",
            "DELETE",
            "/api/v1/me/tokens/abcdefghijklmnopqrstu-",
            null,
            null,
            "id"),
        new Row(
            "id: out of range",
            "POST",
            "/api/v1/me/tokens/zzzzzzzzzzzzzzzzzzzzzz/refresh",
            null,
            null,
            "id"),
        new Row("id: a token value", "GET", "/api/v1/me/tokens/TOKEN", null, null, "id"),
        new Row("id: admin personal", "GET", "/api/v1/admin/personal-tokens/x", null, null, "id"),
        new Row(
            "id: admin personal delete",
            "DELETE",
            "/api/v1/admin/personal-tokens/x",
            null,
            null,
            "id"),
        new Row("id: admin application", "GET", apps + "/x", null, null, "id"),
        json("id: admin application edit", "PATCH", apps + "/x", "{}", "id"),
        new Row("id: admin application delete", "DELETE", apps + "/x", null, null, "id"),
        new Row("id: admin application refresh", "POST", apps + "/x/refresh", null, null, "id"),
        json("id: edit", "PATCH", "/api/v1/me/tokens/x", "{}", "id"),
        new Row(
            "filter: expired",
            "GET",
            "/api/v1/admin/personal-tokens?expired=yes",
            null,
            null,
            "expired"),
        new Row(
            "filter: expiring",
            "GET",
            "/api/v1/admin/personal-tokens?expiring=1",
            null,
            null,
            "expiring"),
        new Row(
            "filter: blank owner",
            "GET",
            "/api/v1/admin/personal-tokens?owner=",
            null,
            null,
            "owner"),
        new Row(
            "path: broken percent-encoding", "GET", "/api/v1/admin/users/%zz", null, null, "path"));
  }

  static String userBody(String login, String status, String password) {
    return "{"
        + (login == null ? "" : "\"login\":\"" + login + "\",")
        + "\"password\":"
        + (password.equals("\"x\"") ? "\"" + SECRET_PASSWORD + "\"" : password)
        + ",\"status\":\""
        + status
        + "\",\"organization\":\"Acme\",\"profiles\":[\"Directory Reader\"],"
        + "\"contact\":{\"firstName\":\"U\",\"name\":\"Ser\",\"email\":\""
        + login
        + "@example.com\"}}";
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void badInputIs400NamingTheField(Row row) {
    String path =
        row.path().replace("MINE", mine).replace("APP", app).replace("TOKEN", aTokenValue);
    Req request = server.request(row.method(), path);
    if (row.auth() == Auth.ADMIN_SESSION) {
      request.session(server.logIn("root"));
    } else if (row.auth() == Auth.INTROSPECTOR) {
      request.authToken(introspector);
    }
    if (row.body() != null) {
      request.rawBody(row.contentType(), row.body().getBytes(StandardCharsets.UTF_8));
    }

    Res response =
        path.contains("%zz")
            ? server.raw(row.method(), path, "Cookie: " + server.logIn("root").cookie())
            : request.send();

    assertThat(response.status()).as(response.toString()).isEqualTo(400);
    assertThat(Json.fieldNames(response.json())).containsExactly("error", "reason", "message");
    // Jetty refuses a malformed path before the API sees it, with the same shape
    assertThat(response.json().get("error").asText()).isIn("invalid_input", "bad_request");
    assertThat(response.json().get("reason").isNull()).isTrue();
    assertThat(response.json().get("message").asText()).contains(row.field());
    assertThat(response.body()).doesNotContain(SECRET_PASSWORD).doesNotContain(aTokenValue);
  }
}
