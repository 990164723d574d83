package dev.tokensmith.adapter.http;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How the HTTP adapter behaves: the largest request body, web UI sessions, the rate limit of
 * revocations per client address (the budgets of failed attempts are the core's settings), the
 * graceful-stop timeout and the clock the adapter reads (sessions, rate limits, the {@code expired}
 * flags of {@code /api/v1/tokens/self}).
 *
 * @param maxRequestBytes the largest request body accepted; larger bodies get 400
 * @param sessionIdleTimeout a web UI session ends after this long without a request
 * @param sessionMaxLifetime a web UI session ends this long after the login, used or not
 * @param maxSessions at most this many sessions are kept; the least recently used goes first
 * @param secureCookies whether the session cookie carries {@code Secure} (serve over HTTPS)
 * @param revocations calls of {@code /api/v1/tokens/revoke} allowed per client address
 * @param maxTrackedAddresses at most this many addresses are tracked per rate limit (LRU)
 * @param stopTimeout how long {@code stop()} lets in-flight requests finish
 * @param trustedProxies reverse proxies (addresses, CIDR blocks, ranges) whose {@code
 *     X-Forwarded-For} names the client; none by default (the header is then ignored)
 * @param clock the time
 */
public record HttpSettings(
    int maxRequestBytes,
    Duration sessionIdleTimeout,
    Duration sessionMaxLifetime,
    int maxSessions,
    boolean secureCookies,
    RateLimit revocations,
    int maxTrackedAddresses,
    Duration stopTimeout,
    List<String> trustedProxies,
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
    requirePositive(sessionIdleTimeout, "sessionIdleTimeout");
    requirePositive(sessionMaxLifetime, "sessionMaxLifetime");
    if (maxSessions < 1 || maxTrackedAddresses < 1) {
      throw new IllegalArgumentException("maxSessions and maxTrackedAddresses must be positive");
    }
    Objects.requireNonNull(revocations, "revocations");
    Objects.requireNonNull(stopTimeout, "stopTimeout");
    if (stopTimeout.isNegative()) {
      throw new IllegalArgumentException("stopTimeout must not be negative");
    }
    trustedProxies = List.copyOf(trustedProxies);
    new ClientAddresses(trustedProxies); // names an entry that is not an address or a block
    Objects.requireNonNull(clock, "clock");
  }

  /**
   * 64 KiB bodies, sessions idle 30 minutes and at most 12 hours, 30 revocations per minute and
   * address, 10 seconds to stop, the system clock.
   */
  public static HttpSettings defaults() {
    return new HttpSettings(
        64 * 1024,
        Duration.ofMinutes(30),
        Duration.ofHours(12),
        10_000,
        false,
        new RateLimit(30, Duration.ofMinutes(1)),
        10_000,
        Duration.ofSeconds(10),
        List.of(),
        Clock.systemUTC());
  }

  public HttpSettings withClock(Clock newClock) {
    return new HttpSettings(
        maxRequestBytes,
        sessionIdleTimeout,
        sessionMaxLifetime,
        maxSessions,
        secureCookies,
        revocations,
        maxTrackedAddresses,
        stopTimeout,
        trustedProxies,
        newClock);
  }

  public HttpSettings withRevocationLimit(RateLimit newRevocations) {
    return new HttpSettings(
        maxRequestBytes,
        sessionIdleTimeout,
        sessionMaxLifetime,
        maxSessions,
        secureCookies,
        newRevocations,
        maxTrackedAddresses,
        stopTimeout,
        trustedProxies,
        clock);
  }

  public HttpSettings withSecureCookies(boolean newSecureCookies) {
    return new HttpSettings(
        maxRequestBytes,
        sessionIdleTimeout,
        sessionMaxLifetime,
        maxSessions,
        newSecureCookies,
        revocations,
        maxTrackedAddresses,
        stopTimeout,
        trustedProxies,
        clock);
  }

  public HttpSettings withTrustedProxies(List<String> newTrustedProxies) {
    return new HttpSettings(
        maxRequestBytes,
        sessionIdleTimeout,
        sessionMaxLifetime,
        maxSessions,
        secureCookies,
        revocations,
        maxTrackedAddresses,
        stopTimeout,
        newTrustedProxies,
        clock);
  }

  private static void requirePositive(Duration duration, String name) {
    Objects.requireNonNull(duration, name);
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException(name + " must be positive");
    }
  }
}
