package dev.tokensmith.adapter.persistence;

import static dev.tokensmith.application.contract.ContractFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokensmith.application.contract.ContractFixtures;
import dev.tokensmith.application.port.out.StorageFailure;
import dev.tokensmith.domain.token.TokenId;
import dev.tokensmith.domain.token.Usage;
import io.vavr.control.Option;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Coalesced uses without a database: a map stands in for the tokens table. */
class PendingUsesTest {
  /** The "database": the usage of each token, written by flushes. */
  private final Map<TokenId, Usage> stored = new ConcurrentHashMap<>();

  private final AtomicInteger refusals = new AtomicInteger();
  private final List<Integer> batchSizes = new CopyOnWriteArrayList<>();

  /** Flushes that throw an {@link Error} (as the heap running out would) before refusals. */
  private final AtomicInteger errors = new AtomicInteger();

  private void write(List<PendingUses.Entry> entries) {
    if (errors.get() > 0) {
      errors.decrementAndGet();
      throw new OutOfMemoryError("Java heap space (thrown by the test)");
    }
    if (refusals.get() > 0) {
      refusals.decrementAndGet();
      throw new StorageFailure("the database call failed (SQLSTATE 08006)", null);
    }
    batchSizes.add(entries.size());
    for (PendingUses.Entry entry : entries) {
      // as the UPDATE does: tokens that are not stored (deleted) are skipped
      stored.computeIfPresent(entry.id(), (id, usage) -> entry.addTo(usage));
    }
  }

  private PendingUses pendingUses(Duration interval) {
    return new PendingUses(this::write, new PendingUses.Settings(interval, 10_000, 100_000));
  }

  private TokenId storedToken() {
    TokenId id = ContractFixtures.randomId();
    stored.put(id, Usage.NEVER);
    return id;
  }

  private long readCount(PendingUses uses, TokenId id) {
    return uses.read(() -> stored.get(id), usage -> uses.withPending(id, usage)).useCount();
  }

  @Test
  void readsAddThePendingUsesAndAFlushMovesThemToTheDatabase() {
    try (PendingUses uses = pendingUses(Duration.ofHours(1))) {
      TokenId id = storedToken();
      uses.record(id, T0.plusSeconds(2), "192.0.2.2");
      uses.record(id, T0.plusSeconds(1), "192.0.2.1"); // arrives late: not the latest

      assertThat(stored.get(id)).isEqualTo(Usage.NEVER);
      assertThat(uses.withPending(id, stored.get(id)))
          .isEqualTo(new Usage(2, Option.some(T0.plusSeconds(2)), Option.some("192.0.2.2")));

      uses.flush();

      assertThat(stored.get(id))
          .isEqualTo(new Usage(2, Option.some(T0.plusSeconds(2)), Option.some("192.0.2.2")));
      assertThat(uses.pendingTokens()).isZero();
      assertThat(readCount(uses, id)).isEqualTo(2);
    }
  }

  @Test
  void aStoredLaterUseKeepsItsTimeAndAddress() {
    try (PendingUses uses = pendingUses(Duration.ofHours(1))) {
      TokenId id = ContractFixtures.randomId();
      stored.put(id, new Usage(5, Option.some(T0.plusSeconds(10)), Option.some("192.0.2.10")));
      uses.record(id, T0.plusSeconds(3), "192.0.2.3");
      assertThat(uses.withPending(id, stored.get(id)))
          .isEqualTo(new Usage(6, Option.some(T0.plusSeconds(10)), Option.some("192.0.2.10")));
    }
  }

  @Test
  void allPendingTokensAreWrittenInOneBatch() {
    try (PendingUses uses = pendingUses(Duration.ofHours(1))) {
      List<TokenId> ids = new ArrayList<>();
      for (int i = 0; i < 50; i++) {
        TokenId id = storedToken();
        ids.add(id);
        uses.record(id, T0, "192.0.2.1");
        uses.record(id, T0, "192.0.2.1");
      }
      uses.flush();
      assertThat(batchSizes).containsExactly(50);
      assertThat(ids).allSatisfy(id -> assertThat(stored.get(id).useCount()).isEqualTo(2));
    }
  }

  @Test
  void concurrentUsesAreCountedExactlyWhileFlushesAndReadsRun() throws Exception {
    // a flush every millisecond, so flushes interleave with uses and reads all the time
    try (PendingUses uses = pendingUses(Duration.ofMillis(1))) {
      TokenId id = storedToken();
      int threads = 8;
      int usesPerThread = 5_000;
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
                      long count = readCount(uses, id);
                      if (count < last || count > (long) threads * usesPerThread) {
                        problems.add("read " + count + " after " + last);
                      }
                      last = count;
                    }
                  }));
        }
        List<Future<?>> writers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
          boolean flushing = t == 0;
          writers.add(
              pool.submit(
                  () -> {
                    for (int i = 0; i < usesPerThread; i++) {
                      uses.record(id, T0.plusMillis(i), "192.0.2.9");
                      if (flushing && i % 500 == 0) {
                        uses.flush(); // besides the flusher's own
                      }
                    }
                  }));
        }
        for (Future<?> writer : writers) {
          writer.get();
        }
        assertThat(readCount(uses, id)).isEqualTo((long) threads * usesPerThread);
        done.set(true);
        for (Future<?> reader : readers) {
          reader.get();
        }
      } finally {
        pool.shutdownNow();
      }
      assertThat(problems).isEmpty();
      uses.flush();
      assertThat(stored.get(id).useCount()).isEqualTo((long) threads * usesPerThread);
      assertThat(batchSizes.size()).as("flushes").isGreaterThanOrEqualTo(usesPerThread / 500);
    }
  }

  @Test
  void aFlushReturnsOnlyOnceAConcurrentFlushHasCommittedWhatItTook() throws Exception {
    CountDownLatch writing = new CountDownLatch(1);
    CountDownLatch commit = new CountDownLatch(1);
    PendingUses.Writer slow =
        entries -> {
          writing.countDown();
          try {
            commit.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          write(entries);
        };
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try (PendingUses uses =
        new PendingUses(slow, new PendingUses.Settings(Duration.ofHours(1), 10_000, 100_000))) {
      TokenId id = storedToken();
      uses.record(id, T0, "192.0.2.1");
      Future<?> first = pool.submit(uses::flush);
      writing.await();
      // the first flush has taken the use and not committed it: nothing is pending any more
      assertThat(uses.pendingTokens()).isZero();
      Future<Long> second =
          pool.submit(
              () -> {
                uses.flush();
                return stored.get(id).useCount();
              });
      Thread.sleep(100);
      commit.countDown();
      first.get();
      assertThat(second.get())
          .as("what the second flush's caller reads when it returns")
          .isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aRefusedFlushKeepsTheUsesAndTheNextOneWritesThem() {
    try (PendingUses uses = pendingUses(Duration.ofHours(1))) {
      TokenId id = storedToken();
      uses.record(id, T0, "192.0.2.1");
      refusals.set(2);

      assertThatThrownBy(uses::flush).isInstanceOf(StorageFailure.class);
      uses.record(id, T0.plusSeconds(1), "192.0.2.2");
      assertThatThrownBy(uses::flush).isInstanceOf(StorageFailure.class);

      assertThat(uses.failedFlushes()).isEqualTo(2);
      assertThat(readCount(uses, id)).isEqualTo(2);
      uses.flush();
      assertThat(stored.get(id))
          .isEqualTo(new Usage(2, Option.some(T0.plusSeconds(1)), Option.some("192.0.2.2")));
      assertThat(uses.flushes()).isEqualTo(1);
    }
  }

  @Test
  void theFlusherRetriesByItselfUntilTheDatabaseTakesTheUses() throws Exception {
    try (PendingUses uses = pendingUses(Duration.ofMillis(5))) {
      TokenId id = storedToken();
      refusals.set(3);
      uses.record(id, T0, "192.0.2.1");
      awaitUntil(() -> stored.get(id).useCount() == 1);
      assertThat(uses.failedFlushes()).isEqualTo(3);
      assertThat(uses.pendingTokens()).isZero();
    }
  }

  @Test
  void anErrorInsideAFlushKeepsTheUsesAndTheFlusherKeepsCounting() throws Exception {
    try (PendingUses uses = pendingUses(Duration.ofMillis(5))) {
      TokenId id = storedToken();
      errors.set(3);
      refusals.set(2);
      uses.record(id, T0, "192.0.2.1");
      uses.record(id, T0.plusSeconds(1), "192.0.2.2");
      awaitUntil(() -> stored.get(id).useCount() == 2);
      assertThat(uses.failedFlushes()).isEqualTo(5);
      assertThat(stored.get(id))
          .isEqualTo(new Usage(2, Option.some(T0.plusSeconds(1)), Option.some("192.0.2.2")));

      // the flusher survived the errors: later uses are still written by it
      uses.record(id, T0.plusSeconds(2), "192.0.2.3");
      awaitUntil(() -> stored.get(id).useCount() == 3);
    }
  }

  @Test
  void anErrorOfAnExplicitFlushKeepsTheUsesForTheNextOne() {
    try (PendingUses uses = pendingUses(Duration.ofHours(1))) {
      TokenId id = storedToken();
      uses.record(id, T0, "192.0.2.1");
      errors.set(1);
      assertThatThrownBy(uses::flush).isInstanceOf(OutOfMemoryError.class);
      assertThat(readCount(uses, id)).isEqualTo(1);
      uses.flush();
      assertThat(stored.get(id).useCount()).isEqualTo(1);
    }
  }

  @Test
  void pendingTokensAreBoundedAndUsesBeyondTheBoundAreRefusedNotDropped() throws Exception {
    PendingUses uses =
        new PendingUses(this::write, new PendingUses.Settings(Duration.ofHours(1), 3, 3));
    List<TokenId> ids = new ArrayList<>();
    try (uses) {
      refusals.set(Integer.MAX_VALUE); // the database refuses every flush
      for (int i = 0; i < 5; i++) {
        TokenId id = storedToken();
        ids.add(id);
        if (i >= 3) {
          assertThatThrownBy(() -> uses.record(id, T0, "192.0.2.1"))
              .isInstanceOf(StorageFailure.class);
          continue;
        }
        uses.record(id, T0, "192.0.2.1");
        if (i == 2) {
          // the third token started a flush, which the database refused
          awaitUntil(() -> uses.failedFlushes() == 1);
        }
      }
      uses.record(ids.get(0), T0, "192.0.2.1"); // a pending token still counts

      assertThat(uses.pendingTokens()).isEqualTo(3);
      assertThat(uses.refusedUses()).isEqualTo(2);
      assertThat(uses.withPending(ids.get(0), Usage.NEVER).useCount()).isEqualTo(2);
      refusals.set(0);
    }
    // every use that was not refused reached the database
    assertThat(stored.get(ids.get(0)).useCount()).isEqualTo(2);
    assertThat(stored.get(ids.get(1)).useCount()).isEqualTo(1);
    assertThat(stored.get(ids.get(3)).useCount()).isZero();
  }

  @Test
  void manyPendingTokensStartAFlushBeforeTheInterval() throws Exception {
    PendingUses uses =
        new PendingUses(this::write, new PendingUses.Settings(Duration.ofHours(1), 3, 100));
    try (uses) {
      for (int i = 0; i < 3; i++) {
        uses.record(storedToken(), T0, "192.0.2.1");
      }
      awaitUntil(() -> uses.flushes() == 1);
      assertThat(batchSizes).containsExactly(3);
    }
  }

  @Test
  void closeWritesWhatIsPendingAndLaterUsesAreWrittenAtOnce() {
    PendingUses uses = pendingUses(Duration.ofHours(1));
    TokenId id = storedToken();
    uses.record(id, T0, "192.0.2.1");
    uses.close();
    assertThat(stored.get(id).useCount()).isEqualTo(1);

    uses.record(id, T0, "192.0.2.1");
    assertThat(stored.get(id).useCount()).isEqualTo(2);
    uses.close(); // idempotent
  }

  @Test
  void usesOfAForgottenOrVanishedTokenAreDroppedSilently() {
    try (PendingUses uses = pendingUses(Duration.ofHours(1))) {
      TokenId forgotten = storedToken();
      TokenId vanished = storedToken();
      uses.record(forgotten, T0, "192.0.2.1");
      uses.record(vanished, T0, "192.0.2.1");
      uses.forget(List.of(forgotten));
      stored.remove(vanished); // deleted by another instance

      uses.flush();

      assertThat(stored.get(forgotten).useCount()).isZero();
      assertThat(stored).doesNotContainKey(vanished);
      assertThat(uses.pendingTokens()).isZero();
    }
  }

  private static void awaitUntil(java.util.function.BooleanSupplier condition)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
      Thread.sleep(2);
    }
    assertThat(condition.getAsBoolean())
        .as("condition reached within 60 s (the machine may be loaded)")
        .isTrue();
  }
}
