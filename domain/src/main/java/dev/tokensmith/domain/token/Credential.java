package dev.tokensmith.domain.token;

import io.vavr.control.Option;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/** What personal and application tokens share: id, scopes, digest, times and usage. */
public record Credential(
    TokenId id,
    Set<Scope> scopes,
    SecretDigest digest,
    Instant createdAt,
    Option<Instant> expiresAt,
    Usage usage,
    Option<Refresh> lastRefresh) {
  public Credential {
    Objects.requireNonNull(id, "id");
    scopes = Set.copyOf(scopes);
    Objects.requireNonNull(digest, "digest");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(expiresAt, "expiresAt");
    Objects.requireNonNull(usage, "usage");
    Objects.requireNonNull(lastRefresh, "lastRefresh");
  }

  /** A new credential that was never used nor refreshed. */
  public static Credential issued(
      TokenId id,
      Set<Scope> scopes,
      SecretDigest digest,
      Instant createdAt,
      Option<Instant> expiresAt) {
    return new Credential(id, scopes, digest, createdAt, expiresAt, Usage.NEVER, Option.none());
  }

  public Credential withSettings(Set<Scope> newScopes, Option<Instant> newExpiresAt) {
    return new Credential(id, newScopes, digest, createdAt, newExpiresAt, usage, lastRefresh);
  }

  /** This credential with a new digest; the replaced one is kept to recognise the old value. */
  public Credential refreshed(SecretDigest newDigest, Instant at) {
    return new Credential(
        id, scopes, newDigest, createdAt, expiresAt, usage, Option.some(new Refresh(at, digest)));
  }

  public Credential withUsage(Usage newUsage) {
    return new Credential(id, scopes, digest, createdAt, expiresAt, newUsage, lastRefresh);
  }

  public boolean isExpiredAt(Instant now) {
    return expiresAt.exists(expiry -> !now.isBefore(expiry));
  }

  public boolean expiresSoonAt(Instant now) {
    return !isExpiredAt(now)
        && expiresAt.exists(expiry -> expiry.isBefore(now.plus(TokenRules.EXPIRES_SOON)));
  }

  public Option<Instant> refreshedAt() {
    return lastRefresh.map(Refresh::refreshedAt);
  }
}
