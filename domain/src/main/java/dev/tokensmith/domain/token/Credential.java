package dev.tokensmith.domain.token;

import io.vavr.control.Option;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * What personal and application tokens share: id, scopes, digest, times and usage.
 *
 * @param policyDeadline when the token stops because it no longer fits the token policy (set when
 *     an administrator tightened it), if it does not fit
 */
public record Credential(
    TokenId id,
    Set<Scope> scopes,
    SecretDigest digest,
    Instant createdAt,
    Option<Instant> expiresAt,
    Usage usage,
    Option<Refresh> lastRefresh,
    Option<Instant> policyDeadline) {
  public Credential {
    Objects.requireNonNull(id, "id");
    scopes = Set.copyOf(scopes);
    Objects.requireNonNull(digest, "digest");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(expiresAt, "expiresAt");
    Objects.requireNonNull(usage, "usage");
    Objects.requireNonNull(lastRefresh, "lastRefresh");
    Objects.requireNonNull(policyDeadline, "policyDeadline");
  }

  /** A credential without a policy deadline. */
  public Credential(
      TokenId id,
      Set<Scope> scopes,
      SecretDigest digest,
      Instant createdAt,
      Option<Instant> expiresAt,
      Usage usage,
      Option<Refresh> lastRefresh) {
    this(id, scopes, digest, createdAt, expiresAt, usage, lastRefresh, Option.none());
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
    return new Credential(
        id, newScopes, digest, createdAt, newExpiresAt, usage, lastRefresh, policyDeadline);
  }

  /** This credential with a new digest; the replaced one is kept to recognise the old value. */
  public Credential refreshed(SecretDigest newDigest, Instant at) {
    return new Credential(
        id,
        scopes,
        newDigest,
        createdAt,
        expiresAt,
        usage,
        Option.some(new Refresh(at, digest)),
        policyDeadline);
  }

  public Credential withUsage(Usage newUsage) {
    return new Credential(
        id, scopes, digest, createdAt, expiresAt, newUsage, lastRefresh, policyDeadline);
  }

  /** This credential stopping at {@code deadline} because of the token policy (none: it fits). */
  public Credential withPolicyDeadline(Option<Instant> deadline) {
    return new Credential(id, scopes, digest, createdAt, expiresAt, usage, lastRefresh, deadline);
  }

  /** Whether the policy deadline has passed at {@code now}. */
  public boolean isPastPolicyDeadlineAt(Instant now) {
    return policyDeadline.exists(deadline -> !now.isBefore(deadline));
  }

  public boolean isExpiredAt(Instant now) {
    return expiresAt.exists(expiry -> !now.isBefore(expiry));
  }

  public boolean expiresSoonAt(Instant now) {
    return !isExpiredAt(now)
        && !isPastPolicyDeadlineAt(now)
        && stopsAt().exists(stop -> stop.isBefore(now.plus(TokenRules.EXPIRES_SOON)));
  }

  /** The earlier of the expiry and the policy deadline, if any. */
  public Option<Instant> stopsAt() {
    if (policyDeadline.isEmpty()) {
      return expiresAt;
    }
    if (expiresAt.isEmpty()) {
      return policyDeadline;
    }
    return Option.some(
        expiresAt.get().isBefore(policyDeadline.get()) ? expiresAt.get() : policyDeadline.get());
  }

  public Option<Instant> refreshedAt() {
    return lastRefresh.map(Refresh::refreshedAt);
  }
}
