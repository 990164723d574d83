package dev.tokensmith.domain.token;

import java.time.Instant;
import java.util.Objects;

/** What remains of a deleted token, so its value is reported as deleted, not unknown. */
public record Tombstone(TokenId id, Instant deletedAt, Cause cause) {
  /** How the token went away. */
  public enum Cause {
    /** Deleted by its owner or an administrator. */
    DELETED,
    /** Revoked by someone holding its value. */
    REVOKED
  }

  public Tombstone {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(deletedAt, "deletedAt");
    Objects.requireNonNull(cause, "cause");
  }
}
