package dev.tokensmith.adapter.http;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How the HTTP adapter behaves: the largest request body, the session cookie, the rate limit of
 * revocations per client address (the budgets of failed attempts are the core's settings), the
 * graceful-stop timeout, HSTS, who may read {@code /metrics} and the clock the adapter reads (rate
 * limits, the {@code expired} flags of {@code /api/v1/tokens/self}). Web UI sessions and their
 * timeouts belong to the core (they are shared by every instance).
 *
 * @param maxRequestBytes the largest request body accepted; larger bodies get 400
 * @param secureCookies whether the session cookie carries {@code Secure} (serve over HTTPS)
 * @param revocations calls of {@code /api/v1/tokens/revoke} allowed per client address
 * @param maxTrackedAddresses at most this many addresses are tracked per rate limit (LRU)
 * @param stopTimeout how long {@code stop()} lets in-flight requests finish
 * @param trustedProxies reverse proxies (addresses, CIDR blocks, ranges) whose {@code
 *     X-Forwarded-For} names the client; none by default (the header is then ignored)
 * @param hsts the max-age of {@code Strict-Transport-Security} on every response; zero (the
 *     default) sends none: set it only when clients reach the service over HTTPS
 * @param metricsNeedToken whether {@code /metrics} asks for a token with scope {@code metrics} (off
 *     by default: anyone who reaches the port may read it)
 * @param clock the time
 */
public record HttpSettings(
    int maxRequestBytes,
    boolean secureCookies,
    RateLimit revocations,
    int maxTrackedAddresses,
    Duration stopTimeout,
    List<String> trustedProxies,
    Duration hsts,
    boolean metricsNeedToken,
    Clock clock) {

  /** At most {@code attempts} per {@code period} from one client address, refilled evenly. */
  public record RateLimit(int attempts, Duration period) {
    public RateLimit {
      Objects.requireNonNull(period, "period");
      if (attempts < 1 || period.isNegative() || period.isZero()) {
        throw new IllegalArgumentException("a rate limit allows at least 1 attempt per period");
      }
    }
  }

  public HttpSettings {
    if (maxRequestBytes < 1024) {
      throw new IllegalArgumentException("maxRequestBytes must be at least 1024");
    }
    if (maxTrackedAddresses < 1) {
      throw new IllegalArgumentException("maxTrackedAddresses must be positive");
    }
    Objects.requireNonNull(revocations, "revocations");
    Objects.requireNonNull(stopTimeout, "stopTimeout");
    if (stopTimeout.isNegative()) {
      throw new IllegalArgumentException("stopTimeout must not be negative");
    }
    trustedProxies = List.copyOf(trustedProxies);
    new ClientAddresses(trustedProxies); // names an entry that is not an address or a block
    Objects.requireNonNull(hsts, "hsts");
    if (hsts.isNegative()) {
      throw new IllegalArgumentException("hsts must not be negative");
    }
    Objects.requireNonNull(clock, "clock");
  }

  /**
   * 64 KiB bodies, 30 revocations per minute and address, 10 seconds to stop, no HSTS, {@code
   * /metrics} open, the system clock.
   */
  public static HttpSettings defaults() {
    return new HttpSettings(
        64 * 1024,
        false,
        new RateLimit(30, Duration.ofMinutes(1)),
        10_000,
        Duration.ofSeconds(10),
        List.of(),
        Duration.ZERO,
        false,
        Clock.systemUTC());
  }

  public HttpSettings withClock(Clock newClock) {
    return new HttpSettings(
        maxRequestBytes,
        secureCookies,
        revocations,
        maxTrackedAddresses,
        stopTimeout,
        trustedProxies,
        hsts,
        metricsNeedToken,
        newClock);
  }

  public HttpSettings withRevocationLimit(RateLimit newRevocations) {
    return new HttpSettings(
        maxRequestBytes,
        secureCookies,
        newRevocations,
        maxTrackedAddresses,
        stopTimeout,
        trustedProxies,
        hsts,
        metricsNeedToken,
        clock);
  }

  public HttpSettings withSecureCookies(boolean newSecureCookies) {
    return new HttpSettings(
        maxRequestBytes,
        newSecureCookies,
        revocations,
        maxTrackedAddresses,
        stopTimeout,
        trustedProxies,
        hsts,
        metricsNeedToken,
        clock);
  }

  public HttpSettings withTrustedProxies(List<String> newTrustedProxies) {
    return new HttpSettings(
        maxRequestBytes,
        secureCookies,
        revocations,
        maxTrackedAddresses,
        stopTimeout,
        newTrustedProxies,
        hsts,
        metricsNeedToken,
        clock);
  }

  /** These settings with HSTS of {@code maxAge} (zero: none). */
  public HttpSettings withHsts(Duration maxAge) {
    return new HttpSettings(
        maxRequestBytes,
        secureCookies,
        revocations,
        maxTrackedAddresses,
        stopTimeout,
        trustedProxies,
        maxAge,
        metricsNeedToken,
        clock);
  }

  /** These settings with {@code /metrics} behind a {@code metrics} token, or open. */
  public HttpSettings withMetricsNeedToken(boolean newMetricsNeedToken) {
    return new HttpSettings(
        maxRequestBytes,
        secureCookies,
        revocations,
        maxTrackedAddresses,
        stopTimeout,
        trustedProxies,
        hsts,
        newMetricsNeedToken,
        clock);
  }
}
