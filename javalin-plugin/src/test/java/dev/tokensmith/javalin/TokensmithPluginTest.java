package dev.tokensmith.javalin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokensmith.domain.authentication.AuthenticationFailure;
import dev.tokensmith.domain.token.Scope;
import dev.tokensmith.domain.token.TokenKind;
import io.javalin.Javalin;
import io.vavr.control.Either;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The plugin's wiring in a Javalin app, with a verifier of the test's own. */
class TokensmithPluginTest {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  /** Knows one token, {@code good}, holding {@code billing:read}; {@code down} is unreachable. */
  static final class FakeVerifier implements TokenVerifier {
    final List<TokenCheck> checks = new ArrayList<>();
    final List<ScopeDefinition> registered = new ArrayList<>();

    @Override
    public Either<BearerRefusal, TokenPrincipal> verify(TokenCheck check) {
      checks.add(check);
      if (check.presented().contains("down")) {
        throw new TokensmithUnavailable("unreachable");
      }
      if (check.presented().isEmpty()) {
        return Either.left(BearerRefusal.of(new AuthenticationFailure.MissingCredentials()));
      }
      TokenPrincipal alice =
          new TokenPrincipal(
              TokenKind.PERSONAL,
              "alice",
              "0123456789abcdefABCDEF",
              Set.of(new Scope("billing:read")),
              Optional.empty());
      return alice.holds(check.required())
          ? Either.right(alice)
          : Either.left(
              BearerRefusal.of(
                  dev.tokensmith.domain.authentication.FailureReason.SCOPE_NOT_GRANTED,
                  "This token lacks the scope " + check.required().name() + ".",
                  check.required().name()));
    }

    @Override
    public void registerScopes(Collection<ScopeDefinition> scopes) {
      registered.addAll(scopes);
    }
  }

  private final FakeVerifier verifier = new FakeVerifier();
  private Javalin app;

  @BeforeEach
  void start() {
    app =
        Javalin.create(
                config -> {
                  config.registerPlugin(
                      new TokensmithPlugin(
                          tokensmith -> {
                            tokensmith.verifier = verifier;
                            tokensmith.defineScope("billing:read", "Read invoices");
                            tokensmith.protectPath("/reports/", "billing:read");
                            tokensmith.protectPath("/reports/admin/", "billing:admin");
                          }));
                  config.routes.get("/open", ctx -> ctx.result("open"));
                  config.routes.get(
                      "/invoices",
                      ctx -> ctx.result("hello " + TokensmithPlugin.principal(ctx).login()),
                      RequiredScope.of("billing:read"));
                  config.routes.get(
                      "/reports/monthly",
                      ctx -> ctx.result("report for " + TokensmithPlugin.principal(ctx).login()));
                  config.routes.get("/reports/admin/all", ctx -> ctx.result("all"));
                })
            .start("127.0.0.1", 0);
  }

  @AfterEach
  void stop() {
    app.stop();
  }

  private HttpResponse<String> get(String path, String... headers) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path));
    if (headers.length > 0) {
      request.headers(headers);
    }
    try {
      return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void theDefinedScopesAreRegisteredAtStart() {
    assertThat(verifier.registered)
        .containsExactly(new ScopeDefinition(new Scope("billing:read"), "Read invoices"));
  }

  @Test
  void anUnprotectedRouteIsLeftAlone() throws Exception {
    assertThat(get("/open").body()).isEqualTo("open");
    assertThat(verifier.checks).isEmpty();
  }

  @Test
  void theHandlerSeesThePrincipalAndTheVerifierTheRoute() throws Exception {
    HttpResponse<String> response = get("/invoices", "Authorization", "Bearer good");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("hello alice");
    TokenCheck check = verifier.checks.get(0);
    assertThat(check.presented()).containsExactly("good");
    assertThat(check.required()).isEqualTo(new Scope("billing:read"));
    assertThat(check.endpoint()).isEqualTo("GET /invoices");
  }

  @Test
  void aRouteGroupIsProtectedByItsPathAndTheLongestPrefixWins() throws Exception {
    assertThat(get("/reports/monthly", "Auth-Token", "good").body()).isEqualTo("report for alice");
    assertThat(get("/reports/monthly").statusCode()).isEqualTo(401);
    HttpResponse<String> admin = get("/reports/admin/all", "Auth-Token", "good");
    assertThat(admin.statusCode()).isEqualTo(403);
    assertThat(admin.headers().firstValue("WWW-Authenticate").orElseThrow())
        .isEqualTo(
            "Bearer realm=\"tokensmith\", error=\"insufficient_scope\", error_description=\"This"
                + " token lacks the scope billing:admin.\", scope=\"billing:admin\"");
    assertThat(admin.body())
        .isEqualTo(
            "{\"error\":\"insufficient_scope\",\"reason\":\"scope_not_granted\",\"message\":\"This"
                + " token lacks the scope billing:admin.\"}");
  }

  @Test
  void aRefusalNeverReachesTheHandler() throws Exception {
    HttpResponse<String> response = get("/invoices");
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("WWW-Authenticate"))
        .hasValue("Bearer realm=\"tokensmith\"");
    assertThat(response.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/json");
    assertThat(response.body()).doesNotContain("hello");
  }

  @Test
  void anUnreachableTokensmithIs503WithRetryAfter() throws Exception {
    HttpResponse<String> response = get("/invoices", "Authorization", "Bearer down");
    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(response.headers().firstValue("Retry-After")).hasValue("5");
    assertThat(response.body()).contains("\"error\":\"unavailable\"").doesNotContain("hello");
  }

  @Test
  void anUnprotectedRouteHasNoPrincipal() {
    Javalin other =
        Javalin.create(
                config -> {
                  config.registerPlugin(new TokensmithPlugin(t -> t.verifier = verifier));
                  config.routes.get(
                      "/oops",
                      ctx -> ctx.result(TokensmithPlugin.principalIfAny(ctx).isPresent() + ""));
                })
            .start("127.0.0.1", 0);
    try {
      HttpResponse<String> response =
          HTTP.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + other.port() + "/oops"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(response.body()).isEqualTo("false");
    } catch (IOException | InterruptedException e) {
      throw new AssertionError(e);
    } finally {
      other.stop();
    }
  }
}
