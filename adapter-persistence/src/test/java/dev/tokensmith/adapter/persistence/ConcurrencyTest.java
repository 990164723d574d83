package dev.tokensmith.adapter.persistence;

import static dev.tokensmith.application.contract.ContractFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.tokensmith.application.contract.ContractFixtures;
import dev.tokensmith.application.port.out.TokenLookup;
import dev.tokensmith.application.port.out.TokenStore;
import dev.tokensmith.domain.account.Profile;
import dev.tokensmith.domain.account.User;
import dev.tokensmith.domain.token.PersonalToken;
import dev.tokensmith.domain.token.SecretDigest;
import dev.tokensmith.domain.token.Token;
import dev.tokensmith.domain.token.Tombstone;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The database, not Java, keeps concurrent refreshes, lookups, uses and instances consistent. */
class ConcurrencyTest {
  private final PostgresAdapters adapters = TestDatabase.adapters();

  private PersonalToken storedToken() {
    User owner = ContractFixtures.user(adapters.accounts(), Profile.REST_SERVICES_USER);
    PersonalToken token = ContractFixtures.personalToken(owner);
    adapters.tokens().add(token);
    return token;
  }

  private static SecretDigest version(int n) {
    return new SecretDigest("hmac-sha256$k1$v" + n);
  }

  private static int versionOf(SecretDigest digest) {
    String data = digest.encoded().substring(digest.encoded().lastIndexOf('$') + 1);
    return data.startsWith("v") ? Integer.parseInt(data.substring(1)) : 0;
  }

  @Test
  void aLookupStartedAfterARefreshCommittedNeverSeesTheOldDigest() throws Exception {
    PersonalToken token = storedToken();
    int refreshes = 60;
    AtomicInteger committed = new AtomicInteger();
    AtomicBoolean done = new AtomicBoolean();
    AtomicLong lookups = new AtomicLong();
    List<String> stale = new java.util.concurrent.CopyOnWriteArrayList<>();
    ExecutorService readers = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> running = new ArrayList<>();
      for (int r = 0; r < 4; r++) {
        running.add(
            readers.submit(
                () -> {
                  while (!done.get()) {
                    int before = committed.get();
                    TokenLookup lookup = adapters.tokens().lookup(token.id());
                    int seen =
                        versionOf(((TokenLookup.Found) lookup).token().credential().digest());
                    lookups.incrementAndGet();
                    if (seen < before) {
                      stale.add("saw v" + seen + " after v" + before + " committed");
                    }
                  }
                }));
      }
      Token current = token;
      for (int n = 1; n <= refreshes; n++) {
        Token read = current;
        current =
            current.withCredential(
                current.credential().refreshed(version(n), T0.plus(Duration.ofSeconds(n))));
        assertThat(adapters.tokens().update(current, read.credential().digest()))
            .isEqualTo(TokenStore.UpdateOutcome.UPDATED);
        committed.set(n);
        awaitLookups(lookups, lookups.get() + 4);
      }
      done.set(true);
      for (Future<?> reader : running) {
        reader.get();
      }
    } finally {
      readers.shutdownNow();
    }
    assertThat(stale).isEmpty();
    assertThat(lookups.get()).isGreaterThanOrEqualTo(4L * refreshes);
    Token stored = adapters.tokens().find(token.id()).get();
    assertThat(stored.credential().digest()).isEqualTo(version(refreshes));
    assertThat(stored.credential().lastRefresh().get().previousDigest())
        .isEqualTo(version(refreshes - 1));
  }

  /** Lets the readers look up a few times between two refreshes, however the threads are run. */
  private static void awaitLookups(AtomicLong lookups, long target) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (lookups.get() < target && System.nanoTime() < deadline) {
      Thread.sleep(1);
    }
  }

  @Test
  void twoInstancesSeeEachOthersRefreshUseAndDeleteAtOnce() {
    try (HikariDataSource secondPool = TestDatabase.secondPool()) {
      PostgresAdapters first = adapters;
      PostgresAdapters second = PostgresAdapters.on(secondPool);
      try (second) {
        seeEachOther(first, second);
      }
    }
  }

  private void seeEachOther(PostgresAdapters first, PostgresAdapters second) {
    PersonalToken token = storedToken();
    assertThat(second.tokens().lookup(token.id())).isInstanceOf(TokenLookup.Found.class);

    PersonalToken refreshed =
        token.withCredential(
            token.credential().refreshed(ContractFixtures.digest("next"), T0.plusSeconds(1)));
    assertThat(second.tokens().update(refreshed, token.credential().digest()))
        .isEqualTo(TokenStore.UpdateOutcome.UPDATED);
    Token seenByFirst = ((TokenLookup.Found) first.tokens().lookup(token.id())).token();
    assertThat(seenByFirst.credential().digest()).isEqualTo(ContractFixtures.digest("next"));
    assertThat(seenByFirst.credential().lastRefresh().get().previousDigest())
        .isEqualTo(ContractFixtures.digest("current"));

    first.usage().recordUse(token.id(), T0.plusSeconds(2), "192.0.2.1");
    // uses are coalesced: the other instance sees them once the first has flushed
    first.usage().flushUses();
    assertThat(second.tokens().find(token.id()).get().usage().useCount()).isEqualTo(1);

    Tombstone tombstone =
        first.tokens().delete(token.id(), T0.plusSeconds(3), Tombstone.Cause.REVOKED).get();
    assertThat(second.tokens().lookup(token.id())).isEqualTo(new TokenLookup.Deleted(tombstone));
    assertThat(second.tokens().update(refreshed, refreshed.credential().digest()))
        .isEqualTo(TokenStore.UpdateOutcome.NOT_FOUND);
    assertThat(second.tokens().delete(token.id(), T0.plusSeconds(4), Tombstone.Cause.DELETED))
        .isEmpty();
  }

  @Test
  void usesThroughTwoInstancesAreCountedExactly() throws Exception {
    PersonalToken token = storedToken();
    try (HikariDataSource secondPool = TestDatabase.secondPool();
        PostgresAdapters second = PostgresAdapters.on(secondPool)) {
      List<PostgresAdapters> instances = List.of(adapters, second);
      ExecutorService pool = Executors.newFixedThreadPool(8);
      try {
        List<Future<?>> running = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
          PostgresAdapters instance = instances.get(t % 2);
          int thread = t;
          running.add(
              pool.submit(
                  () -> {
                    for (int i = 0; i < 250; i++) {
                      instance
                          .usage()
                          .recordUse(
                              token.id(), T0.plusMillis(thread * 1000L + i), "192.0.2." + thread);
                    }
                  }));
        }
        for (Future<?> future : running) {
          future.get();
        }
      } finally {
        pool.shutdown();
      }
      // each instance's pending uses reach the database with its next flush
      second.usage().flushUses();
    }
    var usage = adapters.tokens().find(token.id()).get().usage();
    assertThat(usage.useCount()).isEqualTo(2000);
    // the latest use wins, whatever order the updates arrived in
    assertThat(usage.lastUsedAt()).contains(T0.plusMillis(7249));
    assertThat(usage.lastUsedIp()).contains("192.0.2.7");
  }
}
