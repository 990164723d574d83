package dev.tokensmith.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.tokensmith.application.contract.ContractFixtures;
import dev.tokensmith.domain.account.Profile;
import dev.tokensmith.domain.token.PersonalToken;
import io.vavr.control.Either;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The recorded check values prove at every start that a key id still stands for its key. The checks
 * look at every token, so this class has a schema of its own, emptied before each test.
 */
class PepperChecksTest {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String SCHEMA = "pepper_checks_test_" + ContractFixtures.unique("");
  private static HikariDataSource pool;
  private static PostgresAdapters adapters;
  private PepperChecks checks;

  @BeforeAll
  static void migrateASchemaOfItsOwn() {
    Migrations.migrate(TestDatabase.database().dataSource(), SCHEMA);
    HikariDataSource shared = TestDatabase.secondPool();
    HikariConfig config = new HikariConfig();
    config.setPoolName("pepper-checks-test");
    config.setJdbcUrl(shared.getJdbcUrl());
    config.setUsername(shared.getUsername());
    config.setPassword(shared.getPassword());
    config.setSchema(SCHEMA);
    config.setMaximumPoolSize(8);
    shared.close();
    pool = new HikariDataSource(config);
    adapters = PostgresAdapters.on(pool);
  }

  @AfterAll
  static void dropIt() {
    adapters.close();
    pool.close();
    TestDatabase.adapters()
        .jdbi()
        .useHandle(handle -> handle.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE"));
  }

  @BeforeEach
  void forgetEveryTokenAndCheckValue() {
    adapters
        .jdbi()
        .useHandle(
            handle -> {
              handle.execute("DELETE FROM tokens");
              handle.execute("DELETE FROM pepper_checks");
            });
    checks = adapters.pepperChecks();
  }

  private static byte[] key() {
    byte[] key = new byte[32];
    RANDOM.nextBytes(key);
    return key;
  }

  private static String unique(String prefix) {
    return ContractFixtures.unique(prefix).replaceAll("[^A-Za-z0-9_-]", "");
  }

  private PersonalToken tokenDigestedWith(String keyId) {
    return tokenWithDigest("hmac-sha256$" + keyId + "$AAAA");
  }

  private PersonalToken tokenWithDigest(String digest) {
    PersonalToken token =
        ContractFixtures.personalToken(
            ContractFixtures.user(adapters.accounts(), Profile.REST_SERVICES_USER));
    adapters.tokens().add(token);
    adapters
        .jdbi()
        .useHandle(
            handle ->
                handle
                    .createUpdate("UPDATE tokens SET digest = :digest WHERE id = :id")
                    .bind("digest", digest)
                    .bind("id", token.id().uuid())
                    .execute());
    return token;
  }

  @Test
  void theFirstStartRecordsEveryKeyAndTheNextStartsOnlyReadThem() {
    String k1 = unique("k");
    String k2 = unique("k");
    byte[] key1 = key();
    Peppers peppers = Peppers.of(k1, key1).withNewest(k2, key());

    Either<PepperMismatch, PepperChecks.Verified> first = checks.verify(peppers);
    long before = adapters.sqlStatements();
    Either<PepperMismatch, PepperChecks.Verified> again = checks.verify(peppers);

    assertThat(first.get().recorded()).containsExactly(k1, k2);
    assertThat(again.get().recorded()).isEmpty();
    assertThat(adapters.sqlStatements() - before).as("one read on a later start").isEqualTo(1);
    assertThat(checks.recordedKeyIds()).containsExactlyInAnyOrder(k1, k2);
    assertThat(checks.verify(Peppers.of(k1, key1)).get().retired())
        .as("a recorded key no token needs may go")
        .containsExactly(k2);
  }

  @Test
  void aKeyIdRecordedWithAnotherKeyIsRefusedNamingIt() {
    String k1 = unique("k");
    checks.verify(Peppers.of(k1, key()));

    Either<PepperMismatch, PepperChecks.Verified> other = checks.verify(Peppers.of(k1, key()));

    assertThat(other.getLeft()).isEqualTo(new PepperMismatch.DifferentKey(k1));
  }

  @Test
  void aRecordedKeyTheTokensStillNeedCannotBeRemoved() {
    String k1 = unique("k");
    String k2 = unique("k");
    byte[] key1 = key();
    byte[] key2 = key();
    checks.verify(Peppers.of(k1, key1).withNewest(k2, key2));
    tokenDigestedWith(k1);
    tokenDigestedWith(k1);
    tokenDigestedWith(k2);

    Either<PepperMismatch, PepperChecks.Verified> withoutK1 = checks.verify(Peppers.of(k2, key2));

    assertThat(withoutK1.getLeft()).isEqualTo(new PepperMismatch.MissingKey(k1, 2));
    adapters
        .jdbi()
        .useHandle(
            handle -> handle.execute("DELETE FROM tokens WHERE digest LIKE ?", "%$" + k1 + "$%"));
    assertThat(checks.verify(Peppers.of(k2, key2)).get().retired())
        .as("once no token needs it")
        .containsExactly(k1);
  }

  @Test
  void twoInstancesStartingAtOnceOnAFreshDatabaseAgreeOnOneKey() throws Exception {
    String k1 = unique("k");
    int instances = 6;
    ExecutorService pool = Executors.newFixedThreadPool(instances);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<Either<PepperMismatch, PepperChecks.Verified>>> results = new ArrayList<>();
      for (int i = 0; i < instances; i++) {
        Peppers own = Peppers.of(k1, key());
        results.add(
            pool.submit(
                () -> {
                  start.await();
                  return checks.verify(own);
                }));
      }
      start.countDown();
      int started = 0;
      for (Future<Either<PepperMismatch, PepperChecks.Verified>> result : results) {
        Either<PepperMismatch, PepperChecks.Verified> outcome = result.get();
        if (outcome.isRight()) {
          started++;
        } else {
          assertThat(outcome.getLeft()).isEqualTo(new PepperMismatch.DifferentKey(k1));
        }
      }
      assertThat(started).as("exactly one key wins").isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aCheckValueNamesNeitherTheKeyNorTheKeyOfAnotherId() {
    byte[] key = key();
    Peppers peppers = Peppers.of("k1", key).withNewest("k2", key);

    String check = peppers.checkValue("k1");

    assertThat(check).startsWith("hmac-sha256$").isEqualTo(Peppers.of("k1", key).checkValue("k1"));
    assertThat(check).isNotEqualTo(peppers.checkValue("k2"));
    assertThat(check).doesNotContain(Base64.getEncoder().encodeToString(key));
  }

  @Test
  void tokensOfAKeyNeverRecordedStopTheFirstStartThatLacksItAndNothingIsRecorded() {
    // a database from before the check values: its tokens name their key, nothing is recorded
    String old = unique("k");
    String newer = unique("k");
    tokenDigestedWith(old);
    tokenWithDigest("argon2id$0$$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA");

    Either<PepperMismatch, PepperChecks.Verified> withoutIt =
        checks.verify(Peppers.of(newer, key()));

    assertThat(withoutIt.getLeft()).isEqualTo(new PepperMismatch.MissingKey(old, 1));
    assertThat(checks.recordedKeyIds()).as("a refused start records nothing").isEmpty();
    Either<PepperMismatch, PepperChecks.Verified> withIt =
        checks.verify(Peppers.of(old, key()).withNewest(newer, key()));
    assertThat(withIt.get().recorded())
        .as("Argon2id digests without a pepper need no key")
        .containsExactly(old, newer);
  }

  @Test
  void anUnconfiguredKeyIsCountedInEveryDigestFormat() {
    String k1 = unique("k");
    String k2 = unique("k");
    byte[] key2 = key();
    checks.verify(Peppers.of(k1, key()).withNewest(k2, key2));
    tokenWithDigest("argon2id$" + k1 + "$$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA");

    assertThat(checks.verify(Peppers.of(k2, key2)).getLeft())
        .isEqualTo(new PepperMismatch.MissingKey(k1, 1));
  }
}
