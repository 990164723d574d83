package dev.tokensmith.domain.authentication;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * At most {@code failures} failed attempts per fixed {@code window} (windows start at multiples of
 * the window since the epoch, so every instance of the service agrees on them): the budget of one
 * kind of failed attempt.
 */
public record AttemptBudget(int failures, Duration window) {
  public AttemptBudget {
    Objects.requireNonNull(window, "window");
    if (failures < 1) {
      throw new IllegalArgumentException("a budget allows at least 1 failed attempt");
    }
    if (window.toSeconds() < 1 || window.toSeconds() > Duration.ofDays(1).toSeconds()) {
      throw new IllegalArgumentException("a budget's window is 1 second to 1 day");
    }
  }

  /** The start of the window {@code now} falls in. */
  public Instant windowStart(Instant now) {
    long seconds = window.toSeconds();
    return Instant.ofEpochSecond(Math.floorDiv(now.getEpochSecond(), seconds) * seconds);
  }

  /** The end (exclusive) of the window {@code now} falls in. */
  public Instant windowEnd(Instant now) {
    return windowStart(now).plus(window);
  }

  /** Whether {@code counted} failures in a window are more than this budget allows. */
  public boolean isSpentBy(long counted) {
    return counted > failures;
  }

  /** Whether no attempt may be made any more in a window with {@code counted} failures. */
  public boolean isExhaustedBy(long counted) {
    return counted >= failures;
  }

  /** How long until the window {@code now} falls in ends. */
  public Duration retryAfter(Instant now) {
    return Duration.between(now, windowEnd(now));
  }

  /** {@code duration} in whole seconds, rounded up, at least 1: what {@code Retry-After} says. */
  public static long wholeSeconds(Duration duration) {
    long seconds = duration.toSeconds() + (duration.toNanosPart() > 0 ? 1 : 0);
    return Math.max(1, seconds);
  }

  @Override
  public String toString() {
    return failures + " per " + window.toSeconds() + " s";
  }
}
