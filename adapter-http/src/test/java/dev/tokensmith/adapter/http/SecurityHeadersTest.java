package dev.tokensmith.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokensmith.adapter.http.ApiServer.Res;
import dev.tokensmith.adapter.http.ApiServer.Session;
import dev.tokensmith.application.service.TokensmithCore;
import dev.tokensmith.domain.account.User;
import io.javalin.http.HandlerType;
import io.javalin.router.Endpoint;
import io.javalin.router.ParsedEndpoint;
import io.javalin.security.Roles;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The protections every response and every unsafe web UI call get: security headers, CSRF, cookie
 * flags, HSTS when configured, bounded request heads.
 */
class SecurityHeadersTest {
  private static final Set<HandlerType> UNSAFE =
      Set.of(HandlerType.POST, HandlerType.PUT, HandlerType.PATCH, HandlerType.DELETE);

  static ApiServer server;

  @BeforeAll
  static void start() {
    server = ApiServer.start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static List<Res> responsesOfEveryKind() {
    User alice = server.restUser(server.fresh("alice"));
    String token = server.token(alice, "rest");
    List<Res> responses = new ArrayList<>();
    responses.add(server.get("/").send());
    responses.add(server.get("/account").send());
    responses.add(server.get("/web/js/login.js").send());
    responses.add(server.get("/health/live").send());
    responses.add(server.get("/metrics").send());
    responses.add(server.get("/api/v1/me").authToken(token).send());
    responses.add(server.get("/api/v1/me").send()); // 401
    responses.add(server.get("/api/v1/nothing-here").send()); // 404
    responses.add(server.post("/api/v1/session").json("{").send()); // 400
    responses.add(server.request("PUT", "/api/v1/me").authToken(token).send()); // 405 or 404
    return responses;
  }

  @Test
  void everyResponseCarriesTheSecurityHeaders() {
    for (Res response : responsesOfEveryKind()) {
      String csp = response.header("Content-Security-Policy");
      assertThat(csp).as(response.toString()).isNotNull().contains("frame-ancestors 'none'");
      assertThat(csp).doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
      assertThat(csp).containsAnyOf("script-src 'self'", "default-src 'none'");
      assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
      assertThat(response.header("Referrer-Policy")).isEqualTo("no-referrer");
      assertThat(response.header("X-Frame-Options")).isEqualTo("DENY");
      assertThat(response.header("Strict-Transport-Security")).isNull(); // off by default
      assertThat(response.header("Server")).isNull();
    }
  }

  @Test
  void hstsIsSentOnEveryResponseWhenConfigured() {
    try (ApiServer behindTls =
        ApiServer.start(
            TokensmithCore.Settings.DEFAULT,
            settings -> settings.withHsts(Duration.ofDays(365)).withSecureCookies(true))) {
      for (String path : List.of("/", "/api/v1/me", "/health/live", "/nothing")) {
        assertThat(behindTls.get(path).send().header("Strict-Transport-Security"))
            .as(path)
            .isEqualTo("max-age=31536000; includeSubDomains");
      }
      String login = behindTls.fresh("bob");
      behindTls.restUser(login);
      Res signedIn =
          behindTls
              .post("/api/v1/session")
              .json("{\"login\":\"" + login + "\",\"password\":\"password-of-" + login + "\"}")
              .send();
      assertThat(signedIn.header("Set-Cookie"))
          .contains("; HttpOnly")
          .contains("; SameSite=Strict")
          .contains("; Secure")
          .contains("; Path=/");
    }
  }

  @Test
  void everyUnsafeCallWithASessionNeedsTheCsrfTokenOfThatSession() {
    User admin = server.administrator(server.fresh("root"));
    Session session = server.logIn(admin.login());
    Session other = server.logIn(admin.login());
    List<String> checked = new ArrayList<>();
    for (ParsedEndpoint parsed : server.api.app().unsafe.internalRouter.allHttpHandlers()) {
      Endpoint route = parsed.endpoint;
      Roles roles = route.metadata(Roles.class);
      if (!UNSAFE.contains(route.method)
          || roles == null
          || !roles.getRoles().contains(Access.SESSION_OR_REST_TOKEN)) {
        continue;
      }
      String path = route.path.replace("{id}", "x").replace("{login}", admin.login());
      Res without = server.request(route.method.name(), path).cookie(session).send();
      Res crossed =
          server
              .request(route.method.name(), path)
              .cookie(session)
              .header("X-CSRF-Token", other.csrfToken())
              .send();
      for (Res response : List.of(without, crossed)) {
        assertThat(response.status()).as(route.method + " " + path).isEqualTo(403);
        assertThat(response.json().get("error").asText()).isEqualTo("csrf_token_invalid");
      }
      checked.add(route.method + " " + route.path);
    }
    assertThat(checked).hasSizeGreaterThan(12).contains("DELETE /api/v1/me/sessions");
    // and the session still works: nothing above changed anything
    assertThat(server.get("/api/v1/me").cookie(session).send().status()).isEqualTo(200);
  }

  @Test
  void aRequestHeadBeyondTheLimitIs431AndTheServerCarriesOn() {
    Res huge = server.get("/health/live").header("X-Padding", "a".repeat(20_000)).send();
    assertThat(huge.status()).isEqualTo(431);
    assertThat(huge.body()).doesNotContain("Jetty").doesNotContain("at org.");
    assertThat(server.get("/health/live").send().status()).isEqualTo(200);
  }
}
