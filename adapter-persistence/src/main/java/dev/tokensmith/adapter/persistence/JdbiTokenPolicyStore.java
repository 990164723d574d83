package dev.tokensmith.adapter.persistence;

import dev.tokensmith.application.port.out.TokenPolicyStore;
import dev.tokensmith.domain.policy.TokenPolicy;
import java.time.Instant;
import java.util.Objects;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * {@link TokenPolicyStore} on PostgreSQL: the one row of {@code token_policy}, replaced only if its
 * version is still the one read (two administrators saving at once: one wins, the other is told).
 */
public final class JdbiTokenPolicyStore implements TokenPolicyStore {
  private final Storage storage;
  private final TokenPolicy fallback;

  /**
   * {@code fallback} is what {@link #current()} answers while no policy was seeded (tests that
   * start no service).
   */
  JdbiTokenPolicyStore(Storage storage, TokenPolicy fallback) {
    this.storage = storage;
    this.fallback = Objects.requireNonNull(fallback, "fallback");
  }

  @Override
  public TokenPolicy current() {
    return storage.read(
        handle ->
            handle
                .createQuery(PolicyRows.CURRENT)
                .map((row, context) -> PolicyRows.read(row, 1))
                .findOne()
                .orElse(fallback));
  }

  @Override
  public void seed(TokenPolicy initial) {
    storage.durably(handle -> bind(handle.createUpdate(PolicyRows.SEED), initial).execute());
  }

  @Override
  public boolean replace(long expectedVersion, TokenPolicy next, Instant at, String actor) {
    return storage.durably(
            handle ->
                bind(handle.createUpdate(PolicyRows.REPLACE), next)
                    .bind("version", next.version())
                    .bind("expectedVersion", expectedVersion)
                    .bind("at", at)
                    .bind("actor", actor)
                    .execute())
        == 1;
  }

  private static <S extends SqlStatement<S>> S bind(S statement, TokenPolicy policy) {
    return statement
        .bind("maxLifetimeDays", policy.maxLifetimeDays().getOrNull())
        .bind("expiryRequired", policy.expiryRequired())
        .bind("inactivityDays", policy.inactivityDays().getOrNull())
        .bind(
            "inactivityCountsFrom",
            policy.inactivityCountsFrom().map(Instant::toString).getOrNull())
        .bind("refreshGraceSeconds", policy.refreshGrace().toSeconds())
        .bind("profileScopes", PolicyRows.grantEntries(policy))
        .bind("retiringProfiles", PolicyRows.retiringEntries(policy));
  }
}
