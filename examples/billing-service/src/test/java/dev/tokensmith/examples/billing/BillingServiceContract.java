package dev.tokensmith.examples.billing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tokensmith.application.contract.ContractFixtures;
import dev.tokensmith.application.port.in.CreateApplicationTokenCommand;
import dev.tokensmith.application.port.in.CreatePersonalTokenCommand;
import dev.tokensmith.application.port.in.IssuedToken;
import dev.tokensmith.application.port.in.TokenCommand;
import dev.tokensmith.domain.account.Profile;
import dev.tokensmith.domain.account.Status;
import dev.tokensmith.domain.account.User;
import dev.tokensmith.domain.token.TokenCodec;
import dev.tokensmith.domain.token.TokenId;
import dev.tokensmith.domain.token.TokenKind;
import dev.tokensmith.domain.token.TokenSecret;
import io.javalin.Javalin;
import io.vavr.control.Option;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the billing service answers, the same in both modes (subclasses give the mode). */
abstract class BillingServiceContract {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  protected TokensmithWorld world;
  private Javalin billing;
  private User alice;

  protected abstract TokensmithWorld newWorld() throws Exception;

  @BeforeEach
  void start() throws Exception {
    world = newWorld();
    billing = BillingService.create(world.verifier()).start("127.0.0.1", 0);
    alice = ContractFixtures.user(world.accounts(), Profile.REST_SERVICES_USER);
  }

  @AfterEach
  void stop() {
    billing.stop();
    world.close();
  }

  protected IssuedToken issue(Option<Instant> expiresAt, String... scopes) {
    return world
        .core()
        .personalTokens
        .createPersonalToken(
            new CreatePersonalTokenCommand(alice, "billing", Set.of(scopes), expiresAt))
        .getOrElseThrow(failure -> new AssertionError(failure.message()));
  }

  protected String token(String... scopes) {
    return issue(Option.none(), scopes).value().reveal();
  }

  protected HttpResponse<String> get(String path, String... headers) {
    return send(HttpRequest.newBuilder(uri(path)).GET(), headers);
  }

  protected HttpResponse<String> postInvoice(String token) {
    return send(
        HttpRequest.newBuilder(uri("/invoices")).POST(HttpRequest.BodyPublishers.noBody()),
        "Authorization",
        "Bearer " + token);
  }

  protected URI uri(String path) {
    return URI.create("http://127.0.0.1:" + billing.port() + path);
  }

  private static HttpResponse<String> send(HttpRequest.Builder request, String... headers) {
    if (headers.length > 0) {
      request.headers(headers);
    }
    try {
      return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new AssertionError(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  protected static JsonNode json(HttpResponse<String> response) {
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new AssertionError(response.body(), e);
    }
  }

  private static void assertRefused(
      HttpResponse<String> response, int status, String error, String reason) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    JsonNode body = json(response);
    assertThat(body.path("error").asText()).isEqualTo(error);
    assertThat(body.path("reason").asText()).isEqualTo(reason);
    assertThat(body.path("message").asText()).isNotBlank();
    assertThat(response.headers().firstValue("WWW-Authenticate").orElseThrow())
        .startsWith("Bearer realm=\"tokensmith\"");
  }

  @Test
  void anOpenRouteNeedsNoToken() {
    assertThat(get("/health").statusCode()).isEqualTo(200);
  }

  @Test
  void theServiceScopesAreInTokensmithsCatalogue() {
    assertThat(world.core().scopes.listScopes())
        .anySatisfy(s -> assertThat(s.scope().name()).isEqualTo("billing:read"))
        .anySatisfy(s -> assertThat(s.scope().name()).isEqualTo("billing:write"));
  }

  @Test
  void aPersonalTokenWithTheScopeIsAllowedAndItsOwnerSeen() {
    HttpResponse<String> response =
        get("/invoices", "Authorization", "Bearer " + token("billing:read"));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(json(response).path("caller").asText()).isEqualTo(alice.login());
    assertThat(json(response).path("kind").asText()).isEqualTo("PERSONAL");
  }

  @Test
  void everyTransportOfTokensmithWorks() {
    String token = token("billing:read");
    assertThat(get("/invoices", "Auth-Token", token).statusCode()).isEqualTo(200);
    HttpResponse<String> inQuery = get("/invoices?auth_token=" + token);
    assertThat(inQuery.statusCode()).isEqualTo(200);
    assertThat(inQuery.headers().firstValue("Cache-Control")).hasValue("no-store");
  }

  @Test
  void anApplicationTokenIsItsOwnPrincipal() {
    User admin = ContractFixtures.user(world.accounts(), Profile.ADMINISTRATOR);
    String value =
        world
            .core()
            .applicationTokens
            .createApplicationToken(
                new CreateApplicationTokenCommand(
                    admin,
                    "invoicing-robot",
                    ContractFixtures.organization(world.accounts()).name(),
                    Set.of(),
                    Set.of("billing:write"),
                    Option.none()))
            .getOrElseThrow(failure -> new AssertionError(failure.message()))
            .value()
            .reveal();
    HttpResponse<String> response = postInvoice(value);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    assertThat(json(response).path("createdBy").asText()).isEqualTo("invoicing-robot");
  }

  @Test
  void noTokenIsUnauthorizedWithoutAnError() {
    HttpResponse<String> response = get("/invoices");
    assertRefused(response, 401, "unauthorized", "missing_credentials");
    assertThat(response.headers().firstValue("WWW-Authenticate"))
        .hasValue("Bearer realm=\"tokensmith\"");
  }

  @Test
  void twoDifferentTokensAreAmbiguous() {
    assertRefused(
        get(
            "/invoices",
            "Auth-Token",
            token("billing:read"),
            "Authorization",
            "Bearer " + token("billing:read")),
        400,
        "invalid_request",
        "ambiguous_credentials");
  }

  @Test
  void aMalformedValueIsRefused() {
    assertRefused(
        get("/invoices", "Authorization", "Bearer not-a-token"),
        401,
        "invalid_token",
        "malformed_token");
  }

  @Test
  void anUnknownTokenIsRefused() {
    String unknown = format(TokenId.of(java.util.UUID.randomUUID()));
    assertRefused(
        get("/invoices", "Authorization", "Bearer " + unknown),
        401,
        "invalid_token",
        "unknown_token");
  }

  @Test
  void aWrongSecretIsRefused() {
    TokenId id = issue(Option.none(), "billing:read").summary().token().credential().id();
    assertRefused(
        get("/invoices", "Authorization", "Bearer " + format(id)),
        401,
        "invalid_token",
        "wrong_secret");
  }

  /** A well-formed personal token value for {@code id} with a random secret. */
  private static String format(TokenId id) {
    byte[] secret = new byte[TokenSecret.BYTES];
    new SecureRandom().nextBytes(secret);
    return new TokenCodec(TokenCodec.DEFAULT_PREFIX)
        .format(TokenKind.PERSONAL, id, new TokenSecret(secret))
        .reveal();
  }

  @Test
  void anExpiredTokenIsRefused() {
    Instant soon = world.tokensmithClock().instant().plus(Duration.ofHours(1));
    String token = issue(Option.some(soon), "billing:read").value().reveal();
    world.tokensmithClock().advance(Duration.ofHours(2));
    assertRefused(
        get("/invoices", "Authorization", "Bearer " + token),
        401,
        "invalid_token",
        "token_expired");
  }

  @Test
  void aDisabledOwnersTokenIsRefused() {
    String token = token("billing:read");
    world.accounts().updateUser(alice.withStatus(Status.DISABLED));
    assertRefused(
        get("/invoices", "Authorization", "Bearer " + token),
        401,
        "invalid_token",
        "principal_disabled");
  }

  @Test
  void aMissingScopeIsForbiddenAndNamed() {
    String token = token("billing:read");
    HttpResponse<String> response = postInvoice(token);
    assertRefused(response, 403, "insufficient_scope", "scope_not_granted");
    assertThat(response.headers().firstValue("WWW-Authenticate").orElseThrow())
        .contains("scope=\"billing:write\"");
  }

  @Test
  void aRefreshIsSeenAtOnceOrWithinTheCacheWindow() {
    IssuedToken issued = issue(Option.none(), "billing:read");
    String old = issued.value().reveal();
    assertThat(get("/invoices", "Authorization", "Bearer " + old).statusCode()).isEqualTo(200);
    String renewed =
        world
            .core()
            .tokens
            .refreshToken(
                new TokenCommand(
                    alice, TokenKind.PERSONAL, issued.summary().token().credential().id()))
            .getOrElseThrow(failure -> new AssertionError(failure.message()))
            .value()
            .reveal();
    if (world.hasCacheWindow()) {
      assertThat(get("/invoices", "Authorization", "Bearer " + old).statusCode())
          .as("within the window")
          .isEqualTo(200);
      world.passCacheWindow();
    }
    assertRefused(
        get("/invoices", "Authorization", "Bearer " + old),
        401,
        "invalid_token",
        "token_refreshed");
    assertThat(get("/invoices", "Authorization", "Bearer " + renewed).statusCode()).isEqualTo(200);
  }

  @Test
  void aDeleteIsSeenAtOnceOrWithinTheCacheWindow() {
    IssuedToken issued = issue(Option.none(), "billing:read");
    String value = issued.value().reveal();
    assertThat(get("/invoices", "Authorization", "Bearer " + value).statusCode()).isEqualTo(200);
    world
        .core()
        .tokens
        .deleteToken(
            new TokenCommand(alice, TokenKind.PERSONAL, issued.summary().token().credential().id()))
        .getOrElseThrow(failure -> new AssertionError(failure.message()));
    if (world.hasCacheWindow()) {
      assertThat(get("/invoices", "Authorization", "Bearer " + value).statusCode())
          .as("within the window")
          .isEqualTo(200);
      world.passCacheWindow();
    }
    assertRefused(
        get("/invoices", "Authorization", "Bearer " + value),
        401,
        "invalid_token",
        "token_deleted");
  }

  @Test
  void tokensmithDownIs503NeverAPass() {
    String token = token("billing:read");
    world.takeDown();
    HttpResponse<String> response = get("/invoices", "Authorization", "Bearer " + token);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
    assertThat(response.headers().firstValue("Retry-After")).hasValue("5");
    assertThat(json(response).path("error").asText()).isEqualTo("unavailable");
    assertThat(response.body()).doesNotContain(token);
    assertThat(get("/health").statusCode()).isEqualTo(200);
  }
}
