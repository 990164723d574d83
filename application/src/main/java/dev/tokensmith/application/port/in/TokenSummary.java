package dev.tokensmith.application.port.in;

import dev.tokensmith.domain.policy.PolicyStop;
import dev.tokensmith.domain.policy.TokenPolicy;
import dev.tokensmith.domain.token.Token;
import dev.tokensmith.domain.token.TokenRules;
import io.vavr.control.Option;
import java.time.Instant;
import java.util.Objects;

/**
 * A token as listed: the token and its state at the time of the query. Holds no secret.
 *
 * @param expired whether authentication refuses it now for its expiry, its policy deadline or (when
 *     read with the policy) its inactivity
 * @param policyStop when the token policy stops it, and why (its policy deadline or the end of its
 *     inactivity limit), if before its expiry
 */
public record TokenSummary(
    Token token, boolean expired, boolean expiresSoon, Option<PolicyStop> policyStop) {
  public TokenSummary {
    Objects.requireNonNull(token, "token");
    Objects.requireNonNull(policyStop, "policyStop");
  }

  /** A summary without what the policy says (only the token's own policy deadline). */
  public TokenSummary(Token token, boolean expired, boolean expiresSoon) {
    this(
        token,
        expired,
        expiresSoon,
        token
            .credential()
            .policyDeadline()
            .map(at -> new PolicyStop(at, PolicyStop.Cause.POLICY_DEADLINE)));
  }

  /** The token at {@code now}, its policy deadline included but not the inactivity limit. */
  public static TokenSummary of(Token token, Instant now) {
    return new TokenSummary(
        token,
        token.credential().isExpiredAt(now) || token.credential().isPastPolicyDeadlineAt(now),
        token.credential().expiresSoonAt(now));
  }

  /**
   * The token at {@code now} under {@code policy}: expired as the authentication would refuse it
   * ({@code token_expired} for the expiry or the policy deadline, {@code token_inactive}), and when
   * the policy stops it.
   */
  public static TokenSummary of(Token token, Instant now, TokenPolicy policy) {
    Option<PolicyStop> stop = policy.stopOf(token.credential());
    boolean expired =
        token.credential().isExpiredAt(now)
            || token.credential().isPastPolicyDeadlineAt(now)
            || policy.inactiveSince(token.credential(), now).isDefined();
    boolean expiresSoon =
        !expired
            && (token.credential().expiresSoonAt(now)
                || stop.exists(s -> s.at().isBefore(now.plus(TokenRules.EXPIRES_SOON))));
    return new TokenSummary(token, expired, expiresSoon, stop);
  }
}
