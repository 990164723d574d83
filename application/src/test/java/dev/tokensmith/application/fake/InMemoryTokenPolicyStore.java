package dev.tokensmith.application.fake;

import dev.tokensmith.application.port.out.TokenPolicyStore;
import dev.tokensmith.domain.policy.TokenPolicy;
import java.time.Instant;

/** {@link TokenPolicyStore} in memory, seeded with a start-up policy. */
public final class InMemoryTokenPolicyStore implements TokenPolicyStore {
  private TokenPolicy policy;
  private boolean seeded;

  public InMemoryTokenPolicyStore(TokenPolicy initial) {
    this.policy = initial;
  }

  @Override
  public synchronized TokenPolicy current() {
    return policy;
  }

  @Override
  public synchronized void seed(TokenPolicy initial) {
    if (!seeded) {
      policy = initial;
      seeded = true;
    }
  }

  @Override
  public synchronized boolean replace(
      long expectedVersion, TokenPolicy next, Instant at, String actor) {
    if (policy.version() != expectedVersion) {
      return false;
    }
    policy = next;
    seeded = true;
    return true;
  }
}
