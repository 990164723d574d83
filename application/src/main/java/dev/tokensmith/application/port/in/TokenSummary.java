package dev.tokensmith.application.port.in;

import dev.tokensmith.domain.token.Token;
import java.time.Instant;

/** A token as listed: the token and its state at the time of the query. Holds no secret. */
public record TokenSummary(Token token, boolean expired, boolean expiresSoon) {
  public static TokenSummary of(Token token, Instant now) {
    return new TokenSummary(
        token,
        token.credential().isExpiredAt(now) || token.credential().isPastPolicyDeadlineAt(now),
        token.credential().expiresSoonAt(now));
  }
}
