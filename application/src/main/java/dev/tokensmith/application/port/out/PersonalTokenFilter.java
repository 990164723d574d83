package dev.tokensmith.application.port.out;

import dev.tokensmith.domain.account.UserId;
import io.vavr.control.Option;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * Which personal tokens a list shows; every condition that is present must hold.
 *
 * @param owner the owner's tokens only
 * @param applicationContains the application (label) contains this text, ignoring case
 * @param scope the token grants the scope of this name
 * @param expiredBy the token has an expiry at or before this time
 * @param liveAt the token has an expiry after this time (not expired then)
 * @param expiresBefore the token has an expiry before this time
 * @param unusedSince the token was last used (or, never used, created) before this time
 * @param stopped the token is refused at that time as the authentication would refuse it: {@code
 *     token_expired} (its expiry or its policy deadline) or {@code token_inactive}
 */
public record PersonalTokenFilter(
    Option<UserId> owner,
    Option<String> applicationContains,
    Option<String> scope,
    Option<Instant> expiredBy,
    Option<Instant> liveAt,
    Option<Instant> expiresBefore,
    Option<Instant> unusedSince,
    Option<Stopped> stopped) {
  /** Every personal token. */
  public static final PersonalTokenFilter NONE =
      new PersonalTokenFilter(
          Option.none(),
          Option.none(),
          Option.none(),
          Option.none(),
          Option.none(),
          Option.none(),
          Option.none());

  /**
   * Tokens the authentication refuses at {@code at} for their expiry or policy deadline ({@code
   * token_expired}) or, when the policy has an inactivity limit, for inactivity ({@code
   * token_inactive}): their last activity (the latest of creation, last use, last refresh and
   * {@code inactivityCountsFrom}) at or before {@code inactiveBy}, that is {@code at} less the
   * limit.
   */
  public record Stopped(
      Instant at, Option<Instant> inactiveBy, Option<Instant> inactivityCountsFrom) {
    public Stopped {
      Objects.requireNonNull(at, "at");
      Objects.requireNonNull(inactiveBy, "inactiveBy");
      Objects.requireNonNull(inactivityCountsFrom, "inactivityCountsFrom");
    }

    /** Whether a token with this expiry, policy deadline and last activity is refused then. */
    public boolean matches(
        Option<Instant> expiresAt, Option<Instant> policyDeadline, Instant lastActivity) {
      return expiresAt.exists(e -> !e.isAfter(at))
          || policyDeadline.exists(d -> !d.isAfter(at))
          || inactiveBy.exists(by -> !lastActivity.isAfter(by));
    }
  }

  /** A filter without {@link #stopped}. */
  public PersonalTokenFilter(
      Option<UserId> owner,
      Option<String> applicationContains,
      Option<String> scope,
      Option<Instant> expiredBy,
      Option<Instant> liveAt,
      Option<Instant> expiresBefore,
      Option<Instant> unusedSince) {
    this(
        owner,
        applicationContains,
        scope,
        expiredBy,
        liveAt,
        expiresBefore,
        unusedSince,
        Option.none());
  }

  public static PersonalTokenFilter ownedBy(UserId owner) {
    return NONE.withOwner(Option.some(owner));
  }

  public PersonalTokenFilter withOwner(Option<UserId> owner) {
    return new PersonalTokenFilter(
        owner, applicationContains, scope, expiredBy, liveAt, expiresBefore, unusedSince, stopped);
  }

  /** True when only the owner (or nothing) is asked for: every token of the range matches. */
  public boolean isOwnerOnly() {
    return applicationContains.isEmpty()
        && scope.isEmpty()
        && expiredBy.isEmpty()
        && liveAt.isEmpty()
        && expiresBefore.isEmpty()
        && unusedSince.isEmpty()
        && stopped.isEmpty();
  }

  /** The lower-case form of the searched application text, as the stores compare it. */
  public Option<String> applicationLowerCase() {
    return applicationContains.map(text -> text.toLowerCase(Locale.ROOT));
  }
}
