package dev.tokensmith.javalin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import dev.tokensmith.domain.authentication.AuthenticationFailure;
import dev.tokensmith.domain.authentication.FailureReason;
import dev.tokensmith.domain.token.Scope;
import dev.tokensmith.domain.token.TokenId;
import dev.tokensmith.domain.token.TokenKind;
import io.vavr.control.Either;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The remote mode: asks a tokensmith instance's RFC 7662 introspection endpoint (with an
 * application token of scope {@code introspect}) over the JDK {@link HttpClient}, and remembers the
 * answers for a short while. An active token's answer is kept for the positive cache time (by
 * default {@value #DEFAULT_POSITIVE_SECONDS} seconds, and never past the token's expiry): that is
 * the window in which a refreshed or deleted token may still pass. A refusal is kept for the
 * negative cache time. Concurrent requests with the same new token wait for one introspection call.
 * When tokensmith cannot answer, {@link #verify} throws {@link TokensmithUnavailable}: the request
 * gets 503, never a pass.
 */
public final class RemoteTokenVerifier implements TokenVerifier {
  /** The default time an active token's answer is kept. */
  public static final int DEFAULT_POSITIVE_SECONDS = 5;

  /** The default time a refusal is kept. */
  public static final int DEFAULT_NEGATIVE_SECONDS = 5;

  private static final Logger LOG = LoggerFactory.getLogger(RemoteTokenVerifier.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http;
  private final URI introspection;
  private final URI scopes;
  private final String authorization;
  private final Duration requestTimeout;
  private final Clock clock;
  private final AsyncCache<String, Introspected> cache;
  private final LongAdder introspectionCalls = new LongAdder();
  private final LongAdder joinedCalls = new LongAdder();

  private RemoteTokenVerifier(Builder builder) {
    this.http = builder.http;
    String base = builder.baseUri.toString().replaceAll("/+$", "");
    this.introspection = URI.create(base + "/api/v1/tokens/introspect");
    this.scopes = URI.create(base + "/api/v1/scopes/");
    this.authorization = "Bearer " + builder.introspectionToken;
    this.requestTimeout = builder.requestTimeout;
    this.clock = builder.clock;
    Duration positive = builder.positiveTtl;
    Duration negative = builder.negativeTtl;
    Clock ticking = builder.clock;
    this.cache =
        Caffeine.newBuilder()
            .maximumSize(builder.maximumCacheSize)
            .ticker(() -> nanos(ticking.instant()))
            .executor(Runnable::run)
            .expireAfter(
                new Expiry<String, Introspected>() {
                  @Override
                  public long expireAfterCreate(String key, Introspected value, long now) {
                    return value.keepFor(positive, negative, ticking.instant()).toNanos();
                  }

                  @Override
                  public long expireAfterUpdate(
                      String key, Introspected value, long now, long currentDuration) {
                    return expireAfterCreate(key, value, now);
                  }

                  @Override
                  public long expireAfterRead(
                      String key, Introspected value, long now, long currentDuration) {
                    return currentDuration;
                  }
                })
            .buildAsync();
  }

  /**
   * A verifier asking the tokensmith at {@code baseUri} (e.g. {@code https://tokens.example.com})
   * with {@code introspectionToken}, an application token holding the scope {@code introspect}.
   */
  public static Builder builder(URI baseUri, String introspectionToken) {
    return new Builder(baseUri, introspectionToken);
  }

  @Override
  public Either<BearerRefusal, TokenPrincipal> verify(TokenCheck check) {
    Set<String> distinct = new LinkedHashSet<>(check.presented());
    if (distinct.isEmpty()) {
      return Either.left(BearerRefusal.of(new AuthenticationFailure.MissingCredentials()));
    }
    if (distinct.size() > 1) {
      return Either.left(BearerRefusal.of(new AuthenticationFailure.AmbiguousCredentials()));
    }
    Introspected answer = introspect(check.presented().get(0));
    if (answer instanceof Inactive inactive) {
      return Either.left(BearerRefusal.of(inactive.reason(), inactive.message(), null));
    }
    TokenPrincipal principal = ((Active) answer).principal();
    if (!principal.holds(check.required())) {
      TokenId id = TokenId.parse(principal.tokenId()).getOrElseThrow(IllegalStateException::new);
      return Either.left(
          BearerRefusal.of(
              new AuthenticationFailure.ScopeNotGranted(id, check.required(), principal.scopes())));
    }
    return Either.right(principal);
  }

  /** Registers each scope with {@code PUT /api/v1/scopes/{name}}. */
  @Override
  public void registerScopes(Collection<ScopeDefinition> definitions) {
    for (ScopeDefinition definition : definitions) {
      String body =
          JsonNodeFactory.instance
              .objectNode()
              .put("description", definition.description())
              .toString();
      HttpRequest request =
          HttpRequest.newBuilder(
                  scopes.resolve(
                      URLEncoder.encode(definition.scope().name(), StandardCharsets.UTF_8)))
              .timeout(requestTimeout)
              .header("Authorization", authorization)
              .header("Content-Type", "application/json")
              .PUT(HttpRequest.BodyPublishers.ofString(body))
              .build();
      HttpResponse<String> response;
      try {
        response = http.send(request, HttpResponse.BodyHandlers.ofString());
      } catch (IOException e) {
        throw new TokensmithUnavailable("tokensmith cannot be reached: " + e.getMessage(), e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new TokensmithUnavailable("interrupted while registering scopes", e);
      }
      if (response.statusCode() >= 500) {
        throw new TokensmithUnavailable(
            "tokensmith answered " + response.statusCode() + " to a scope registration");
      }
      if (response.statusCode() != 200) {
        throw new IllegalArgumentException(
            "tokensmith refused the scope "
                + definition.scope().name()
                + " ("
                + response.statusCode()
                + "): "
                + response.body());
      }
    }
  }

  /** How many introspection calls this verifier has made. */
  public long introspectionCalls() {
    return introspectionCalls.sum();
  }

  /** How many verifications waited for an introspection call another request had started. */
  public long joinedIntrospections() {
    return joinedCalls.sum();
  }

  private Introspected introspect(String value) {
    boolean[] started = {false};
    CompletableFuture<Introspected> answer =
        cache.get(
            key(value),
            (key, executor) -> {
              started[0] = true;
              return call(value);
            });
    if (!started[0] && !answer.isDone()) {
      joinedCalls.increment();
    }
    try {
      return answer.get(requestTimeout.toMillis() + 1_000, TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof TokensmithUnavailable unavailable) {
        throw unavailable;
      }
      throw new TokensmithUnavailable("tokensmith cannot be reached: " + cause, cause);
    } catch (TimeoutException e) {
      throw new TokensmithUnavailable("tokensmith did not answer in time", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TokensmithUnavailable("interrupted while waiting for tokensmith", e);
    }
  }

  private CompletableFuture<Introspected> call(String value) {
    introspectionCalls.increment();
    HttpRequest request =
        HttpRequest.newBuilder(introspection)
            .timeout(requestTimeout)
            .header("Authorization", authorization)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "token=" + URLEncoder.encode(value, StandardCharsets.UTF_8)))
            .build();
    return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenApply(this::read);
  }

  private Introspected read(HttpResponse<String> response) {
    if (response.statusCode() != 200) {
      if (response.statusCode() == 401 || response.statusCode() == 403) {
        LOG.warn(
            "tokensmith refused this service's introspection token ({}): check its scope"
                + " introspect and that it is enabled",
            response.statusCode());
      }
      throw new TokensmithUnavailable(
          "tokensmith answered " + response.statusCode() + " to an introspection");
    }
    try {
      JsonNode body = JSON.readTree(response.body());
      if (!body.path("active").asBoolean(false)) {
        FailureReason reason =
            FailureReason.ofCode(body.path("reason").asText(""))
                .getOrElse(FailureReason.UNKNOWN_TOKEN);
        String message = body.path("message").asText("This token is not active.");
        return new Inactive(reason, message);
      }
      Set<Scope> granted = new LinkedHashSet<>();
      for (String name : body.path("scope").asText("").split(" ")) {
        if (Scope.isValidName(name)) {
          granted.add(new Scope(name));
        }
      }
      JsonNode exp = body.get("exp");
      return new Active(
          new TokenPrincipal(
              TokenKind.valueOf(body.path("token_type").asText().toUpperCase(Locale.ROOT)),
              body.path("username").asText(),
              body.path("jti").asText(),
              granted,
              exp == null || exp.isNull()
                  ? Optional.empty()
                  : Optional.of(Instant.ofEpochSecond(exp.asLong()))));
    } catch (IOException | RuntimeException e) {
      throw new TokensmithUnavailable("tokensmith's introspection answer was not understood", e);
    }
  }

  /** The cache key: a digest of the value, so the cache holds no token value. */
  private static String key(String value) {
    try {
      return Base64.getEncoder()
          .encodeToString(
              MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  private static long nanos(Instant instant) {
    return TimeUnit.SECONDS.toNanos(instant.getEpochSecond()) + instant.getNano();
  }

  /** One introspection's answer, as kept in the cache. */
  private sealed interface Introspected permits Active, Inactive {
    Duration keepFor(Duration positive, Duration negative, Instant now);
  }

  private record Active(TokenPrincipal principal) implements Introspected {
    @Override
    public Duration keepFor(Duration positive, Duration negative, Instant now) {
      Duration untilExpiry =
          principal.expiresAt().map(at -> Duration.between(now, at)).orElse(positive);
      Duration keep = untilExpiry.compareTo(positive) < 0 ? untilExpiry : positive;
      return keep.isNegative() ? Duration.ZERO : keep;
    }
  }

  private record Inactive(FailureReason reason, String message) implements Introspected {
    @Override
    public Duration keepFor(Duration positive, Duration negative, Instant now) {
      return negative;
    }
  }

  /** The settings of a {@link RemoteTokenVerifier}; each has a default. */
  public static final class Builder {
    private final URI baseUri;
    private final String introspectionToken;
    private HttpClient http;
    private Duration positiveTtl = Duration.ofSeconds(DEFAULT_POSITIVE_SECONDS);
    private Duration negativeTtl = Duration.ofSeconds(DEFAULT_NEGATIVE_SECONDS);
    private long maximumCacheSize = 100_000;
    private Duration requestTimeout = Duration.ofSeconds(2);
    private Clock clock = Clock.systemUTC();

    private Builder(URI baseUri, String introspectionToken) {
      this.baseUri = Objects.requireNonNull(baseUri, "baseUri");
      this.introspectionToken = Objects.requireNonNull(introspectionToken, "introspectionToken");
      if (introspectionToken.isBlank()) {
        throw new IllegalArgumentException("the introspection token is blank");
      }
    }

    /**
     * How long an active token's answer is kept (default {@value #DEFAULT_POSITIVE_SECONDS} s): the
     * window in which a refreshed or deleted token may still pass. Zero asks every time.
     */
    public Builder positiveCacheTime(Duration time) {
      this.positiveTtl = nonNegative(time, "positive cache time");
      return this;
    }

    /** How long a refusal is kept (default {@value #DEFAULT_NEGATIVE_SECONDS} s). */
    public Builder negativeCacheTime(Duration time) {
      this.negativeTtl = nonNegative(time, "negative cache time");
      return this;
    }

    /** How many answers are kept at most (default 100 000). */
    public Builder maximumCacheSize(long size) {
      if (size < 0) {
        throw new IllegalArgumentException("the maximum cache size is negative");
      }
      this.maximumCacheSize = size;
      return this;
    }

    /** How long one call to tokensmith may take (default 2 s); then the request gets 503. */
    public Builder requestTimeout(Duration timeout) {
      if (timeout.isZero() || timeout.isNegative()) {
        throw new IllegalArgumentException("the request timeout must be positive");
      }
      this.requestTimeout = timeout;
      return this;
    }

    /** The clock the cache times answers with (tests pass a controllable one). */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** The HTTP client (default: a new one with a 2 s connect timeout). */
    public Builder httpClient(HttpClient client) {
      this.http = Objects.requireNonNull(client, "client");
      return this;
    }

    public RemoteTokenVerifier build() {
      if (http == null) {
        http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
      }
      return new RemoteTokenVerifier(this);
    }

    private static Duration nonNegative(Duration time, String what) {
      if (time.isNegative()) {
        throw new IllegalArgumentException("the " + what + " is negative");
      }
      return time;
    }
  }

  @Override
  public String toString() {
    return "RemoteTokenVerifier[" + introspection + ", introspection token redacted]";
  }
}
