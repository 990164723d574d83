package dev.tokensmith.application.service;

import dev.tokensmith.application.port.out.TokenPolicyStore;
import dev.tokensmith.domain.policy.TokenPolicy;
import java.time.Instant;

/**
 * The token policy of the start-up settings, for a core wired without a policy store (embedded
 * use): it cannot be changed, so no instance can hold a different one.
 */
final class FixedTokenPolicy implements TokenPolicyStore {
  private final TokenPolicy policy;

  FixedTokenPolicy(TokenPolicy policy) {
    this.policy = policy;
  }

  @Override
  public TokenPolicy current() {
    return policy;
  }

  @Override
  public void seed(TokenPolicy initial) {
    // fixed: the start-up settings are the policy
  }

  @Override
  public boolean replace(long expectedVersion, TokenPolicy next, Instant at, String actor) {
    return false;
  }
}
