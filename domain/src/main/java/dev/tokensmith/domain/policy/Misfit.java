package dev.tokensmith.domain.policy;

/** Why a token does not fit the token policy, with a code for the API and a sentence. */
public sealed interface Misfit {
  /** A stable code: {@code lifetime_too_long}, {@code no_expiry}, ... */
  String code();

  /** A sentence the token's owner understands. */
  String message();

  /** The token expires later than the maximum lifetime from now. */
  record LifetimeTooLong(int maxLifetimeDays) implements Misfit {
    @Override
    public String code() {
      return "lifetime_too_long";
    }

    @Override
    public String message() {
      return "it expires more than " + maxLifetimeDays + " days ahead (the maximum lifetime)";
    }
  }

  /** The token never expires, and the policy requires an expiry or a maximum lifetime. */
  record NoExpiry() implements Misfit {
    @Override
    public String code() {
      return "no_expiry";
    }

    @Override
    public String message() {
      return "it has no expiry";
    }
  }

  /** The owner's profiles may no longer put {@code scope} on a personal token. */
  record ScopeNotAllowed(String scope) implements Misfit {
    @Override
    public String code() {
      return "scope_not_allowed";
    }

    @Override
    public String message() {
      return "its owner's profiles may no longer use the scope " + scope;
    }
  }

  /** The owner holds no profile that may own personal tokens any more. */
  record ProfileNotAllowed() implements Misfit {
    @Override
    public String code() {
      return "profile_not_allowed";
    }

    @Override
    public String message() {
      return "its owner holds no profile that may own personal tokens any more";
    }
  }

  /** The token was not used for longer than the inactivity limit. */
  record Inactive(int inactivityDays) implements Misfit {
    @Override
    public String code() {
      return "inactive";
    }

    @Override
    public String message() {
      return "it was not used for more than " + inactivityDays + " days";
    }
  }
}
