package dev.tokensmith.application.port.out;

import dev.tokensmith.domain.policy.TokenPolicy;
import java.time.Instant;

/**
 * The token policy, one per installation, shared by every instance through the database. The
 * authentication read carries it too ({@link TokenLookup.Found#policy()}), so a change applies at
 * the next authentication everywhere.
 */
public interface TokenPolicyStore {
  /** The policy as stored now; the start-up one when none was ever stored. */
  TokenPolicy current();

  /** Stores {@code initial} unless a policy is stored already (first start). */
  void seed(TokenPolicy initial);

  /**
   * Replaces the policy with {@code next} if the stored one still has {@code expectedVersion}.
   *
   * @return false when another change came first (nothing was written)
   */
  boolean replace(long expectedVersion, TokenPolicy next, Instant at, String actor);
}
