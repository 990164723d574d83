package dev.tokensmith.application.port.out;

import dev.tokensmith.domain.token.TokenId;
import java.time.Instant;

/**
 * Something that happened to a token: who did it ({@code actor}: a login, or {@code anonymous} for
 * a revocation by value), whose token it was ({@code ownerLogin}), and what.
 */
public record AuditEvent(
    Instant at, String actor, String ownerLogin, TokenId tokenId, Action action, String detail) {
  /** What happened. */
  public enum Action {
    CREATED,
    EDITED,
    REFRESHED,
    DELETED,
    REVOKED,
    /**
     * The token no longer fits the token policy an administrator changed; {@code detail} starts
     * with the ISO-8601 instant when it stops, then why.
     */
    POLICY_DEADLINE
  }
}
