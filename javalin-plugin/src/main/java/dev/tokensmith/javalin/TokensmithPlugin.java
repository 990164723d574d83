package dev.tokensmith.javalin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tokensmith.domain.token.Scope;
import io.javalin.config.JavalinState;
import io.javalin.http.Context;
import io.javalin.plugin.Plugin;
import io.javalin.router.Endpoint;
import io.javalin.security.RouteRole;
import io.vavr.control.Either;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Protects a Javalin service's routes with tokensmith tokens.
 *
 * <pre>{@code
 * Javalin.create(config -> {
 *   config.registerPlugin(new TokensmithPlugin(tokensmith -> {
 *     tokensmith.verifier = verifier;                      // embedded or remote
 *     tokensmith.defineScope("billing:read", "Read invoices");
 *   }));
 *   config.routes.get("/invoices", ctx -> {
 *     TokenPrincipal who = TokensmithPlugin.principal(ctx);
 *     ...
 *   }, RequiredScope.of("billing:read"));
 * });
 * }</pre>
 *
 * A route with a {@link RequiredScope} role (or under a path {@link Config#protectPath protected}
 * as a group) runs its handler only for a request presenting a token that holds the scope, found by
 * tokensmith's own {@link TokenTransports}; any other request gets tokensmith's RFC 6750 answer
 * ({@link BearerRefusal}). When tokensmith cannot decide, the request gets 503 with {@code
 * Retry-After}, never the handler. Routes without either are left alone.
 */
public final class TokensmithPlugin extends Plugin<TokensmithPlugin.Config> {
  private static final Logger LOG = LoggerFactory.getLogger(TokensmithPlugin.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PRINCIPAL = TokensmithPlugin.class.getName() + ".principal";

  /** The plugin's settings, given in the consumer passed to the constructor. */
  public static final class Config {
    /** The port to tokensmith: an embedded or a remote verifier. Required. */
    public @Nullable TokenVerifier verifier;

    /** How long a client is told to wait when tokensmith cannot be reached (default 5 s). */
    public Duration retryAfter = Duration.ofSeconds(5);

    /**
     * Reads the form fields of a request's body for the {@code auth_token} field; by default
     * Javalin's own parser.
     */
    public TokenTransports transports = TokenTransports.withJavalinForms();

    private final List<ScopeDefinition> scopes = new ArrayList<>();
    private final Map<String, Scope> protectedPaths = new LinkedHashMap<>();

    /**
     * Defines a scope of this service (e.g. {@code billing:read}, described {@code Read invoices});
     * it is registered in tokensmith's scope catalogue when the server starts, so tokens can be
     * made with it.
     */
    public Config defineScope(String name, String description) {
      scopes.add(new ScopeDefinition(new Scope(name), description));
      return this;
    }

    /**
     * Requires {@code scope} on every route whose path starts with {@code pathPrefix} (e.g. {@code
     * /billing/}) and has no {@link RequiredScope} of its own: a route group.
     */
    public Config protectPath(String pathPrefix, String scope) {
      Objects.requireNonNull(pathPrefix, "pathPrefix");
      if (!pathPrefix.startsWith("/")) {
        throw new IllegalArgumentException("a protected path starts with /: " + pathPrefix);
      }
      protectedPaths.put(pathPrefix, new Scope(scope));
      return this;
    }

    /** The scopes defined with {@link #defineScope}. */
    public List<ScopeDefinition> scopes() {
      return List.copyOf(scopes);
    }
  }

  public TokensmithPlugin(Consumer<Config> userConfig) {
    super(userConfig, new Config());
  }

  @Override
  public void onInitialize(JavalinState state) {
    if (pluginConfig.verifier == null) {
      throw new IllegalStateException(
          "TokensmithPlugin needs a verifier: an embedded or a remote one (see docs/embedding.md)");
    }
    if (pluginConfig.retryAfter.isNegative()) {
      throw new IllegalArgumentException("retryAfter is negative");
    }
  }

  @Override
  public void onStart(JavalinState state) {
    TokenVerifier verifier = Objects.requireNonNull(pluginConfig.verifier);
    if (!pluginConfig.scopes.isEmpty()) {
      verifier.registerScopes(pluginConfig.scopes);
    }
    state.routes.beforeMatched(this::authenticate);
  }

  @Override
  public String name() {
    return "tokensmith";
  }

  /**
   * The principal of the request's token, on a protected route.
   *
   * @throws IllegalStateException on a route the plugin does not protect
   */
  public static TokenPrincipal principal(Context ctx) {
    TokenPrincipal principal = ctx.attribute(PRINCIPAL);
    if (principal == null) {
      throw new IllegalStateException(
          "no token principal: the route "
              + ctx.path()
              + " is not protected (give it a RequiredScope role)");
    }
    return principal;
  }

  /** The principal of the request's token, empty on a route the plugin does not protect. */
  public static Optional<TokenPrincipal> principalIfAny(Context ctx) {
    return Optional.ofNullable(ctx.attribute(PRINCIPAL));
  }

  private void authenticate(Context ctx) {
    Endpoint endpoint = ctx.endpoints().matchedHttpEndpoint();
    String path = endpoint == null ? ctx.path() : endpoint.path;
    Scope required = requiredScope(ctx.routeRoles(), path);
    if (required == null) {
      return;
    }
    TokenCheck check =
        new TokenCheck(
            pluginConfig.transports.presented(ctx),
            required,
            ctx.method().name() + " " + path,
            ctx.ip());
    Either<BearerRefusal, TokenPrincipal> outcome;
    try {
      outcome = Objects.requireNonNull(pluginConfig.verifier).verify(check);
    } catch (TokensmithUnavailable e) {
      LOG.warn("tokensmith unavailable for {}: {}", check.endpoint(), e.getMessage());
      answer(
          ctx,
          503,
          Map.of("Retry-After", Long.toString(pluginConfig.retryAfter.toSeconds())),
          "unavailable",
          null,
          "The service cannot check tokens right now; try again in a few seconds.");
      return;
    }
    if (outcome.isLeft()) {
      BearerRefusal refusal = outcome.getLeft();
      answer(
          ctx,
          refusal.status(),
          Map.of(BearerRefusal.WWW_AUTHENTICATE, refusal.challenge()),
          refusal.error(),
          refusal.reason(),
          refusal.message());
      return;
    }
    ctx.attribute(PRINCIPAL, outcome.get());
  }

  private @Nullable Scope requiredScope(java.util.Set<RouteRole> roles, String path) {
    for (RouteRole role : roles) {
      if (role instanceof RequiredScope required) {
        return required.scope();
      }
    }
    Scope found = null;
    int longest = -1;
    for (Map.Entry<String, Scope> entry : pluginConfig.protectedPaths.entrySet()) {
      if (path.startsWith(entry.getKey()) && entry.getKey().length() > longest) {
        found = entry.getValue();
        longest = entry.getKey().length();
      }
    }
    return found;
  }

  private static void answer(
      Context ctx,
      int status,
      Map<String, String> headers,
      String error,
      @Nullable String reason,
      String message) {
    Map<String, @Nullable String> body = new LinkedHashMap<>();
    body.put("error", error);
    body.put("reason", reason);
    body.put("message", message);
    String json;
    try {
      json = JSON.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a map of strings is always JSON", e);
    }
    headers.forEach(ctx::header);
    TokenTransports.noStore(ctx);
    ctx.status(status).contentType("application/json").result(json);
    ctx.skipRemainingHandlers();
  }
}
