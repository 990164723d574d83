package dev.tokensmith.domain.token;

import java.time.Instant;
import java.util.Objects;

/**
 * The last refresh of a token: when, and the digest it replaced, so the old value is reported as
 * refreshed rather than as a random wrong secret.
 */
public record Refresh(Instant refreshedAt, SecretDigest previousDigest) {
  public Refresh {
    Objects.requireNonNull(refreshedAt, "refreshedAt");
    Objects.requireNonNull(previousDigest, "previousDigest");
  }
}
