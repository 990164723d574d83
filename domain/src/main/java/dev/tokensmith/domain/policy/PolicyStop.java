package dev.tokensmith.domain.policy;

import java.time.Instant;
import java.util.Objects;

/**
 * When the token policy stops a token, and why: the deadline an administrator chose when the token
 * no longer fitted a tightened policy, or the inactivity limit (the last activity plus the limit's
 * days, as the authentication counts it; a use moves it).
 */
public record PolicyStop(Instant at, Cause cause) {
  /** Why the token policy stops the token. */
  public enum Cause {
    /** The token no longer fits the policy; the administrator chose this deadline. */
    POLICY_DEADLINE("policy_deadline"),
    /** The token will not have been used for the policy's inactivity limit. */
    INACTIVITY("inactivity");

    private final String code;

    Cause(String code) {
      this.code = code;
    }

    /** The stable name the API shows. */
    public String code() {
      return code;
    }
  }

  public PolicyStop {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(cause, "cause");
  }
}
