package dev.tokensmith.adapter.persistence;

import static dev.tokensmith.application.contract.ContractFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.tokensmith.application.port.out.AttemptWindow;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The budgets of failed attempts on PostgreSQL: shared by instances, digested, pruned. */
class FailedAttemptsPostgresTest {
  private final PostgresAdapters adapters = TestDatabase.adapters();

  private static AttemptWindow window(String key, Duration from, Duration to) {
    return new AttemptWindow(key, T0.plus(from), T0.plus(to));
  }

  @Test
  void twoInstancesOnOneDatabaseSpendOneBudget() {
    AttemptWindow window =
        window("wrong-token-address:" + UUID.randomUUID(), Duration.ZERO, Duration.ofMinutes(1));
    try (HikariDataSource pool = TestDatabase.secondPool();
        PostgresAdapters second = PostgresAdapters.on(pool)) {
      adapters.attempts().countFailure(List.of(window));
      assertThat(second.attempts().countFailure(List.of(window))).containsExactly(2L);
      assertThat(adapters.attempts().countFailure(List.of(window))).containsExactly(3L);
      assertThat(second.attempts().failures(window)).isEqualTo(3);
    }
  }

  @Test
  void theKeyIsStoredAsItsDigestOnly() {
    String secretLookingLogin =
        "wrong-password-login:my password typed as login " + UUID.randomUUID();
    adapters
        .attempts()
        .countFailure(List.of(window(secretLookingLogin, Duration.ZERO, Duration.ofMinutes(5))));
    long plaintext =
        adapters
            .jdbi()
            .withHandle(
                handle ->
                    handle
                        .createQuery(
                            "SELECT count(*) FROM failed_attempts"
                                + " WHERE position(convert_to(:text, 'UTF8') IN key_digest) > 0")
                        .bind("text", "my password typed as login")
                        .mapTo(Long.class)
                        .one());
    assertThat(plaintext).isZero();
  }

  @Test
  void pruningDeletesEndedWindowsOnly() {
    String key = "prune:" + UUID.randomUUID();
    AttemptWindow ended = window(key, Duration.ofDays(-3), Duration.ofDays(-3).plusMinutes(1));
    AttemptWindow current = window(key, Duration.ZERO, Duration.ofMinutes(1));
    adapters.attempts().countFailure(List.of(ended));
    adapters.attempts().countFailure(List.of(current));
    while (adapters.attempts().pruneEndedBefore(T0.minus(Duration.ofDays(1)))
        == JdbiFailedAttemptCounter.PRUNE_BATCH) {
      // other tests' ended windows go too, a batch at a time
    }
    assertThat(adapters.attempts().failures(ended)).isZero();
    assertThat(adapters.attempts().failures(current)).isEqualTo(1);
  }

  @Test
  void theBudgetReadUsesThePrimaryKey() {
    List<String> plan =
        adapters
            .jdbi()
            .withHandle(
                handle ->
                    handle
                        .createQuery("EXPLAIN " + JdbiFailedAttemptCounter.READ)
                        .bind("key", "00".repeat(32))
                        .bind("start", 0L)
                        .mapTo(String.class)
                        .list());
    assertThat(String.join("\n", plan)).contains("failed_attempts_pk");
  }
}
