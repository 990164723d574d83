package dev.tokensmith.domain.token;

import dev.tokensmith.domain.account.Names;
import dev.tokensmith.domain.account.Violation;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * The lifecycle rules an installation configures: maximum lifetime of a token and the grace period
 * during which a refreshed value still works (0 by default).
 */
public record TokenRules(Option<Duration> maxLifetime, Duration refreshGrace) {
  /** Tokens expiring within this period are flagged {@code expiresSoon}. */
  public static final Duration EXPIRES_SOON = Duration.ofDays(7);

  public static final TokenRules DEFAULT = new TokenRules(Option.none(), Duration.ZERO);

  public TokenRules {
    Objects.requireNonNull(maxLifetime, "maxLifetime");
    Objects.requireNonNull(refreshGrace, "refreshGrace");
    if (maxLifetime.exists(d -> d.isNegative() || d.isZero()) || refreshGrace.isNegative()) {
      throw new IllegalArgumentException("lifetimes and grace periods are positive");
    }
  }

  /** The trimmed application label, or what is wrong with it. */
  public Either<Violation, String> application(String application) {
    String problem = Names.problem("application", application);
    return problem == null
        ? Either.right(application.strip())
        : Either.left(new Violation("application", problem));
  }

  /** At least one scope. */
  public Either<Violation, Set<Scope>> scopes(Set<Scope> scopes) {
    return scopes.isEmpty()
        ? Either.left(new Violation("scopes", "scopes must name at least one scope"))
        : Either.right(Set.copyOf(scopes));
  }

  /**
   * An expiry in the future and within the maximum lifetime, if any; with a maximum lifetime, no
   * expiry means the latest allowed one.
   */
  public Either<Violation, Option<Instant>> expiry(Option<Instant> expiresAt, Instant now) {
    if (expiresAt.exists(expiry -> !expiry.isAfter(now))) {
      return Either.left(new Violation("expiresAt", "expiresAt must be in the future"));
    }
    if (maxLifetime.isDefined()) {
      Instant latest = now.plus(maxLifetime.get());
      if (expiresAt.isEmpty()) {
        // as GitLab does: with a maximum lifetime, a token made without an expiry gets the maximum
        return Either.right(Option.some(latest));
      }
      if (expiresAt.get().isAfter(latest)) {
        return Either.left(
            new Violation(
                "expiresAt",
                "expiresAt must be at most "
                    + maxLifetime.get().toDays()
                    + " days ahead (before "
                    + latest
                    + ")"));
      }
    }
    return Either.right(expiresAt);
  }

  /** Whether the value replaced by {@code refresh} still works at {@code now}. */
  public boolean withinRefreshGrace(Refresh refresh, Instant now) {
    return now.isBefore(refresh.refreshedAt().plus(refreshGrace));
  }
}
