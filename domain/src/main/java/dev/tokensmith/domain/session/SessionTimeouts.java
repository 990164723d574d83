package dev.tokensmith.domain.session;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * When a web UI session ends: after {@code idle} without a request, and {@code absolute} after the
 * sign-in whatever happens. The last request time is written at most once per {@link
 * #touchInterval()}, so a session used all the time costs a read per request and a write per
 * interval; its idle end may then come up to one interval early.
 */
public record SessionTimeouts(Duration idle, Duration absolute) {
  public static final SessionTimeouts DEFAULT =
      new SessionTimeouts(Duration.ofMinutes(30), Duration.ofHours(12));

  public SessionTimeouts {
    Objects.requireNonNull(idle, "idle");
    Objects.requireNonNull(absolute, "absolute");
    if (idle.isNegative() || idle.isZero() || absolute.isNegative() || absolute.isZero()) {
      throw new IllegalArgumentException("session timeouts must be positive");
    }
    if (idle.compareTo(absolute) > 0) {
      throw new IllegalArgumentException("the idle timeout must not exceed the absolute one");
    }
  }

  /**
   * How stale the stored last request time may be: a tenth of the idle timeout, at most 1 minute.
   */
  public Duration touchInterval() {
    Duration tenth = idle.dividedBy(10);
    return tenth.compareTo(Duration.ofMinutes(1)) < 0 ? tenth : Duration.ofMinutes(1);
  }

  /** A session started at {@code now} ends at the latest at this time. */
  public Instant expiresAt(Instant startedAt) {
    return startedAt.plus(absolute);
  }

  /** A session whose last request was at or before this time has ended. */
  public Instant idleSince(Instant now) {
    return now.minus(idle);
  }
}
