package dev.tokensmith.adapter.persistence;

import static dev.tokensmith.application.contract.ContractFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tokensmith.application.contract.ContractFixtures;
import dev.tokensmith.application.port.out.SessionStore.NewSession;
import dev.tokensmith.domain.account.Profile;
import dev.tokensmith.domain.account.Status;
import dev.tokensmith.domain.account.User;
import dev.tokensmith.domain.session.SessionKey;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** What the PostgreSQL session store does beyond the contract: statements, storage, triggers. */
class JdbiSessionStoreTest {
  private final PostgresAdapters adapters = TestDatabase.adapters();

  private static SessionKey newKey() {
    byte[] bytes = new byte[SessionKey.BYTES];
    new SecureRandom().nextBytes(bytes);
    return SessionKey.of(bytes);
  }

  @Test
  void aSessionRequestIsOneStatementAndOnlyTheDigestIsStored() {
    User user = ContractFixtures.user(adapters.accounts(), Profile.REST_SERVICES_USER);
    SessionKey key = newKey();
    adapters
        .sessions()
        .add(new NewSession(key.digest(), user.id(), T0, T0.plus(Duration.ofHours(12))));
    try (var pool = TestDatabase.secondPool();
        PostgresAdapters other = PostgresAdapters.on(pool, Duration.ofMinutes(1))) {
      Instant now = T0.plus(Duration.ofMinutes(5));
      long before = other.sqlStatements();
      assertThat(
              other
                  .sessions()
                  .activeUser(
                      key.digest(), now, now.minus(Duration.ofMinutes(30)), now.minusSeconds(60)))
          .contains(user);
      assertThat(other.sqlStatements() - before).isEqualTo(1);
    }
    long withKey =
        adapters
            .jdbi()
            .withHandle(
                handle ->
                    handle
                        .createQuery(
                            "SELECT count(*) FROM web_sessions WHERE key_digest = :key"
                                + " OR key_digest = :csrf")
                        .bind("key", key.reveal())
                        .bind("csrf", key.csrfToken())
                        .mapTo(Long.class)
                        .one());
    assertThat(withKey).isZero();
  }

  @Test
  void disablingAUserInTheDatabaseDeletesTheirSessions() {
    User user = ContractFixtures.user(adapters.accounts());
    SessionKey key = newKey();
    adapters
        .sessions()
        .add(new NewSession(key.digest(), user.id(), T0, T0.plus(Duration.ofHours(12))));
    adapters.accounts().updateUser(user.withStatus(Status.DISABLED));
    adapters.accounts().updateUser(user);
    Instant now = T0.plusSeconds(1);
    assertThat(
            adapters
                .sessions()
                .activeUser(key.digest(), now, now.minus(Duration.ofMinutes(30)), now))
        .isEmpty();
    assertThat(adapters.sessions().removeAllOf(user.id())).isZero();
  }
}
