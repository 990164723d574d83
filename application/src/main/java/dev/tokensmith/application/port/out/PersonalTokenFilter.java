package dev.tokensmith.application.port.out;

import dev.tokensmith.domain.account.UserId;
import io.vavr.control.Option;
import java.time.Instant;
import java.util.Locale;

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
 */
public record PersonalTokenFilter(
    Option<UserId> owner,
    Option<String> applicationContains,
    Option<String> scope,
    Option<Instant> expiredBy,
    Option<Instant> liveAt,
    Option<Instant> expiresBefore,
    Option<Instant> unusedSince) {
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

  public static PersonalTokenFilter ownedBy(UserId owner) {
    return NONE.withOwner(Option.some(owner));
  }

  public PersonalTokenFilter withOwner(Option<UserId> owner) {
    return new PersonalTokenFilter(
        owner, applicationContains, scope, expiredBy, liveAt, expiresBefore, unusedSince);
  }

  /** True when only the owner (or nothing) is asked for: every token of the range matches. */
  public boolean isOwnerOnly() {
    return applicationContains.isEmpty()
        && scope.isEmpty()
        && expiredBy.isEmpty()
        && liveAt.isEmpty()
        && expiresBefore.isEmpty()
        && unusedSince.isEmpty();
  }

  /** The lower-case form of the searched application text, as the stores compare it. */
  public Option<String> applicationLowerCase() {
    return applicationContains.map(text -> text.toLowerCase(Locale.ROOT));
  }
}
