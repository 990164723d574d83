package dev.tokensmith.domain.authentication;

import dev.tokensmith.domain.account.Profile;
import dev.tokensmith.domain.token.Scope;
import dev.tokensmith.domain.token.TokenId;
import dev.tokensmith.domain.token.TokenParseFailure;
import io.vavr.control.Option;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Why a presented token was refused, one record per reason of DESIGN §2, each carrying its facts.
 * Every record names its {@link FailureReason} and a sentence the token's owner understands.
 */
public sealed interface AuthenticationFailure {
  FailureReason reason();

  /** A sentence a person understands; never contains the secret. */
  String message();

  /** The id of the refused token, when the value could be parsed that far. */
  default Option<TokenId> tokenId() {
    return Option.none();
  }

  /** No token was presented. */
  record MissingCredentials() implements AuthenticationFailure {
    @Override
    public FailureReason reason() {
      return FailureReason.MISSING_CREDENTIALS;
    }

    @Override
    public String message() {
      return "No token was presented: send it in the Auth-Token or Authorization: Bearer header.";
    }
  }

  /** Two different tokens in one request. */
  record AmbiguousCredentials() implements AuthenticationFailure {
    @Override
    public FailureReason reason() {
      return FailureReason.AMBIGUOUS_CREDENTIALS;
    }

    @Override
    public String message() {
      return "Two different tokens were presented in one request; send only one.";
    }
  }

  /** Not a token of this installation: bad prefix, length, alphabet or checksum. */
  record MalformedToken(TokenParseFailure cause) implements AuthenticationFailure {
    @Override
    public FailureReason reason() {
      return FailureReason.MALFORMED_TOKEN;
    }

    @Override
    public String message() {
      return "This is not a valid token: " + cause.message() + ".";
    }
  }

  /** The token was deleted (or revoked by value) at {@code deletedAt}. */
  record TokenDeleted(TokenId id, Instant deletedAt) implements AuthenticationFailure {
    @Override
    public FailureReason reason() {
      return FailureReason.TOKEN_DELETED;
    }

    @Override
    public String message() {
      return "This token was deleted on " + deletedAt + ".";
    }

    @Override
    public Option<TokenId> tokenId() {
      return Option.some(id);
    }
  }

  /** No token with this id ever existed here. */
  record UnknownToken(TokenId id) implements AuthenticationFailure {
    @Override
    public FailureReason reason() {
      return FailureReason.UNKNOWN_TOKEN;
    }

    @Override
    public String message() {
      return "No such token exists here.";
    }

    @Override
    public Option<TokenId> tokenId() {
      return Option.some(id);
    }
  }

  /** The value was replaced by a refresh at {@code refreshedAt}; use the new one. */
  record TokenRefreshed(TokenId id, Instant refreshedAt) implements AuthenticationFailure {
    @Override
    public FailureReason reason() {
      return FailureReason.TOKEN_REFRESHED;
    }

    @Override
    public String message() {
      return "This value was replaced by a refresh on " + refreshedAt + "; use the new value.";
    }

    @Override
    public Option<TokenId> tokenId() {
      return Option.some(id);
    }
  }

  /** The secret matches neither the current nor the replaced value. */
  record WrongSecret(TokenId id) implements AuthenticationFailure {
    @Override
    public FailureReason reason() {
      return FailureReason.WRONG_SECRET;
    }

    @Override
    public String message() {
      return "The token's secret is wrong.";
    }

    @Override
    public Option<TokenId> tokenId() {
      return Option.some(id);
    }
  }

  /**
   * The token expired at {@code expiredAt}; {@code byPolicy} when that was its policy deadline (it
   * no longer fitted the token policy an administrator tightened).
   */
  record TokenExpired(TokenId id, Instant expiredAt, boolean byPolicy)
      implements AuthenticationFailure {
    public TokenExpired(TokenId id, Instant expiredAt) {
      this(id, expiredAt, false);
    }

    @Override
    public FailureReason reason() {
      return FailureReason.TOKEN_EXPIRED;
    }

    @Override
    public String message() {
      return byPolicy
          ? "This token stopped working on "
              + expiredAt
              + " because it no longer fits the token policy; make a new one."
          : "This token expired on " + expiredAt + ".";
    }

    @Override
    public Option<TokenId> tokenId() {
      return Option.some(id);
    }
  }

  /**
   * The token was not used for {@code inactivityDays} days (the token policy's inactivity limit):
   * it counts as inactive since {@code inactiveSince}.
   */
  record TokenInactive(TokenId id, Instant inactiveSince, int inactivityDays)
      implements AuthenticationFailure {
    @Override
    public FailureReason reason() {
      return FailureReason.TOKEN_INACTIVE;
    }

    @Override
    public String message() {
      return "This token was not used for "
          + inactivityDays
          + " days and stopped working on "
          + inactiveSince
          + " (the token policy's inactivity limit); refresh it or make a new one.";
    }

    @Override
    public Option<TokenId> tokenId() {
      return Option.some(id);
    }
  }

  /** The owning user, or the application token itself, is disabled. */
  record PrincipalDisabled(TokenId id, String login) implements AuthenticationFailure {
    @Override
    public FailureReason reason() {
      return FailureReason.PRINCIPAL_DISABLED;
    }

    @Override
    public String message() {
      return "The account " + login + " is disabled.";
    }

    @Override
    public Option<TokenId> tokenId() {
      return Option.some(id);
    }
  }

  /** The owner of a personal token no longer holds any personal-token profile. */
  record ProfileNotAllowed(TokenId id, String login, Set<Profile> allowed)
      implements AuthenticationFailure {
    public ProfileNotAllowed {
      allowed = Set.copyOf(allowed);
    }

    @Override
    public FailureReason reason() {
      return FailureReason.PROFILE_NOT_ALLOWED;
    }

    @Override
    public String message() {
      return "The user "
          + login
          + " no longer holds a profile that may use personal tokens ("
          + names(allowed)
          + ").";
    }

    @Override
    public Option<TokenId> tokenId() {
      return Option.some(id);
    }
  }

  /** The token lacks the scope this endpoint requires. */
  record ScopeNotGranted(TokenId id, Scope required, Set<Scope> granted)
      implements AuthenticationFailure {
    public ScopeNotGranted {
      granted = Set.copyOf(granted);
    }

    @Override
    public FailureReason reason() {
      return FailureReason.SCOPE_NOT_GRANTED;
    }

    @Override
    public String message() {
      return "This token does not have the scope "
          + required.name()
          + " (it has "
          + (granted.isEmpty() ? "none" : names(granted))
          + ").";
    }

    @Override
    public Option<TokenId> tokenId() {
      return Option.some(id);
    }
  }

  /** A REST call by a principal without the {@code REST Services User} profile. */
  record RestProfileRequired(TokenId id, String login) implements AuthenticationFailure {
    @Override
    public FailureReason reason() {
      return FailureReason.REST_PROFILE_REQUIRED;
    }

    @Override
    public String message() {
      return "The profile REST Services User is required to use the REST web services; "
          + login
          + " does not hold it.";
    }

    @Override
    public Option<TokenId> tokenId() {
      return Option.some(id);
    }
  }

  /**
   * A token that did not work (malformed, unknown, deleted, wrong secret) came from an address that
   * has spent its budget of such failures: refused as rate-limited, retry after {@code retryAfter}.
   * {@code tokenId} is the id the value named, when it could be parsed.
   */
  record RateLimited(Option<TokenId> tokenId, Duration retryAfter)
      implements AuthenticationFailure {
    public RateLimited {
      Objects.requireNonNull(tokenId, "tokenId");
      Objects.requireNonNull(retryAfter, "retryAfter");
      if (retryAfter.isNegative() || retryAfter.isZero()) {
        throw new IllegalArgumentException("retryAfter must be positive");
      }
    }

    @Override
    public FailureReason reason() {
      return FailureReason.RATE_LIMITED;
    }

    /** Whole seconds to wait, at least 1 (the {@code Retry-After} value). */
    public long retryAfterSeconds() {
      return AttemptBudget.wholeSeconds(retryAfter);
    }

    @Override
    public String message() {
      long seconds = retryAfterSeconds();
      return "Too many tokens that do not work came from this address; try again in "
          + seconds
          + " second"
          + (seconds == 1 ? "" : "s")
          + ".";
    }
  }

  private static String names(Set<?> values) {
    return values.stream().map(Object::toString).sorted().collect(Collectors.joining(", "));
  }
}
