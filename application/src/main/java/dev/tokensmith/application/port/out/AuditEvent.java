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
    REVOKED
  }
}
