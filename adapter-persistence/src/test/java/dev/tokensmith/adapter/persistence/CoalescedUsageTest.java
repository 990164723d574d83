package dev.tokensmith.adapter.persistence;

import static dev.tokensmith.application.contract.ContractFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tokensmith.application.contract.ContractFixtures;
import dev.tokensmith.application.port.out.PersonalTokenFilter;
import dev.tokensmith.application.port.out.TokenLookup;
import dev.tokensmith.application.port.out.TokenPosition;
import dev.tokensmith.domain.account.Profile;
import dev.tokensmith.domain.account.User;
import dev.tokensmith.domain.token.ApplicationToken;
import dev.tokensmith.domain.token.PersonalToken;
import dev.tokensmith.domain.token.Token;
import dev.tokensmith.domain.token.Tombstone;
import dev.tokensmith.domain.token.Usage;
import io.vavr.control.Option;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

/** Usage counts coalesced in memory and written in batches, on PostgreSQL. */
class CoalescedUsageTest {
  private final PostgresAdapters shared = TestDatabase.adapters();

  /** Adapters of their own on the test database's pool, flushing every {@code interval}. */
  private static PostgresAdapters instance(Duration interval) {
    return PostgresAdapters.on(
        TestDatabase.database().dataSource(), new PendingUses.Settings(interval, 10_000, 100_000));
  }

  private PersonalToken storedToken(PostgresAdapters adapters) {
    User owner = ContractFixtures.user(adapters.accounts(), Profile.REST_SERVICES_USER);
    PersonalToken token = ContractFixtures.personalToken(owner);
    adapters.tokens().add(token);
    return token;
  }

  /**
   * The whole list that {@code pages} reads, walked 500 at a time: the database is shared with the
   * other test classes, whose tokens (created at the same T0) may fill the first page.
   */
  private static <T extends Token> List<T> everyToken(
      BiFunction<Option<TokenPosition>, Integer, List<T>> pages) {
    List<T> all = new ArrayList<>();
    Option<TokenPosition> after = Option.none();
    List<T> page;
    do {
      page = pages.apply(after, 500);
      all.addAll(page);
      after = page.isEmpty() ? after : Option.some(position(page.get(page.size() - 1)));
    } while (page.size() == 500);
    return all;
  }

  private static TokenPosition position(Token token) {
    return new TokenPosition(token.credential().createdAt(), token.id());
  }

  private static long storedCount(PersonalToken token) {
    return TestDatabase.adapters()
        .jdbi()
        .withHandle(
            handle ->
                handle
                    .createQuery("SELECT use_count FROM tokens WHERE id = :id")
                    .bind("id", token.id().uuid())
                    .mapTo(Long.class)
                    .one());
  }

  @Test
  void everyReadOfTheInstanceIncludesItsPendingUses() {
    try (PostgresAdapters adapters = instance(Duration.ofHours(1))) {
      PersonalToken token = storedToken(adapters);
      ApplicationToken application =
          ContractFixtures.applicationToken(ContractFixtures.organization(adapters.accounts()));
      adapters.tokens().add(application);

      adapters.usage().recordUse(token.id(), T0.plusSeconds(1), "192.0.2.1");
      adapters.usage().recordUse(application.id(), T0.plusSeconds(2), "192.0.2.2");

      Usage once = new Usage(1, Option.some(T0.plusSeconds(1)), Option.some("192.0.2.1"));
      assertThat(storedCount(token)).isZero();
      assertThat(adapters.tokens().find(token.id()).get().usage()).isEqualTo(once);
      TokenLookup.Found found = (TokenLookup.Found) adapters.tokens().lookup(token.id());
      assertThat(found.token().usage()).isEqualTo(once);
      assertThat(
              adapters
                  .tokens()
                  .personalTokens(PersonalTokenFilter.ownedBy(token.ownerId()), Option.none(), 10))
          .singleElement()
          .satisfies(listed -> assertThat(listed.usage()).isEqualTo(once));
      assertThat(
              everyToken(
                  (after, limit) ->
                      adapters.tokens().personalTokens(PersonalTokenFilter.NONE, after, limit)))
          .filteredOn(listed -> listed.id().equals(token.id()))
          .singleElement()
          .satisfies(listed -> assertThat(listed.usage()).isEqualTo(once));

      TokenLookup.Found app = (TokenLookup.Found) adapters.tokens().lookup(application.id());
      assertThat(app.token().usage().useCount()).isEqualTo(1);
      assertThat(app.principal())
          .as("an application token is its own principal")
          .isEqualTo(app.token());
      assertThat(
              adapters
                  .tokens()
                  .applicationTokenByLogin(application.login())
                  .get()
                  .usage()
                  .useCount())
          .isEqualTo(1);
      assertThat(everyToken(adapters.tokens()::applicationTokens))
          .filteredOn(listed -> listed.id().equals(application.id()))
          .singleElement()
          .satisfies(listed -> assertThat(listed.usage().useCount()).isEqualTo(1));

      adapters.usage().flushUses();
      assertThat(storedCount(token)).isEqualTo(1);
      assertThat(adapters.tokens().find(token.id()).get().usage()).isEqualTo(once);
    }
  }

  @Test
  void concurrentUsesAreExactAndReadsNeverGoBackWhileFlushesRun() throws Exception {
    try (PostgresAdapters adapters = instance(Duration.ofMillis(2))) {
      PersonalToken token = storedToken(adapters);
      int threads = 8;
      int usesPerThread = 2_000;
      AtomicBoolean done = new AtomicBoolean();
      List<String> problems = new CopyOnWriteArrayList<>();
      ExecutorService pool = Executors.newFixedThreadPool(threads + 2);
      try {
        List<Future<?>> readers = new ArrayList<>();
        for (int r = 0; r < 2; r++) {
          readers.add(
              pool.submit(
                  () -> {
                    long last = 0;
                    while (!done.get()) {
                      TokenLookup.Found found =
                          (TokenLookup.Found) adapters.tokens().lookup(token.id());
                      long count = found.token().usage().useCount();
                      if (count < last || count > (long) threads * usesPerThread) {
                        problems.add("read " + count + " after " + last);
                      }
                      last = count;
                    }
                  }));
        }
        List<Future<?>> users = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
          boolean flushing = t == 0;
          users.add(
              pool.submit(
                  () -> {
                    for (int i = 0; i < usesPerThread; i++) {
                      adapters.usage().recordUse(token.id(), T0.plusMillis(i), "192.0.2.9");
                      if (flushing && i % 200 == 0) {
                        adapters.usage().flushUses(); // besides the flusher's own
                      }
                    }
                  }));
        }
        for (Future<?> user : users) {
          user.get();
        }
        assertThat(adapters.tokens().find(token.id()).get().usage().useCount())
            .isEqualTo((long) threads * usesPerThread);
        done.set(true);
        for (Future<?> reader : readers) {
          reader.get();
        }
      } finally {
        pool.shutdownNow();
      }
      assertThat(problems).isEmpty();
      assertThat(adapters.usage().usageFlushes()).isGreaterThanOrEqualTo(usesPerThread / 200);
      adapters.usage().flushUses();
      assertThat(storedCount(token)).isEqualTo((long) threads * usesPerThread);
    }
  }

  @Test
  void closingWritesThePendingUses() {
    PostgresAdapters adapters = instance(Duration.ofHours(1));
    PersonalToken token = storedToken(adapters);
    adapters.usage().recordUse(token.id(), T0, "192.0.2.1");
    adapters.usage().recordUse(token.id(), T0, "192.0.2.1");
    assertThat(storedCount(token)).isZero();

    adapters.close();

    assertThat(storedCount(token)).isEqualTo(2);
    assertThat(shared.tokens().find(token.id()).get().usage().useCount()).isEqualTo(2);
  }

  @Test
  void theUsesOfADeletedTokenAreDroppedSilently() {
    try (PostgresAdapters adapters = instance(Duration.ofHours(1));
        PostgresAdapters other = instance(Duration.ofHours(1))) {
      PersonalToken deletedHere = storedToken(adapters);
      PersonalToken deletedElsewhere = storedToken(adapters);
      PersonalToken kept = storedToken(adapters);
      adapters.usage().recordUse(deletedHere.id(), T0, "192.0.2.1");
      adapters.usage().recordUse(deletedElsewhere.id(), T0, "192.0.2.1");
      adapters.usage().recordUse(kept.id(), T0, "192.0.2.1");

      adapters.tokens().delete(deletedHere.id(), T0, Tombstone.Cause.DELETED);
      other.tokens().delete(deletedElsewhere.id(), T0, Tombstone.Cause.REVOKED);
      assertThat(adapters.usage().pendingUseTokens()).isEqualTo(2);
      adapters.usage().flushUses();

      assertThat(adapters.usage().failedUsageFlushes()).isZero();
      assertThat(adapters.usage().pendingUseTokens()).isZero();
      assertThat(adapters.tokens().lookup(deletedElsewhere.id()))
          .isInstanceOf(TokenLookup.Deleted.class);
      assertThat(storedCount(kept)).isEqualTo(1);
    }
  }

  @Test
  void statementsAreCounted() {
    try (PostgresAdapters adapters = instance(Duration.ofHours(1))) {
      PersonalToken token = storedToken(adapters);

      long before = adapters.sqlStatements();
      adapters.tokens().lookup(token.id());
      assertThat(adapters.sqlStatements() - before).as("the lookup is one statement").isEqualTo(1);

      before = adapters.sqlStatements();
      for (int i = 0; i < 100; i++) {
        adapters.usage().recordUse(token.id(), T0, "192.0.2.1");
      }
      assertThat(adapters.sqlStatements() - before).as("recording a use sends nothing").isZero();

      before = adapters.sqlStatements();
      adapters.usage().flushUses();
      assertThat(adapters.sqlStatements() - before)
          .as(
              "a flush is one update and one insert of the new addresses (after turning"
                  + " synchronous commit on)")
          .isEqualTo(3);
      assertThat(storedCount(token)).isEqualTo(100);
    }
  }
}
