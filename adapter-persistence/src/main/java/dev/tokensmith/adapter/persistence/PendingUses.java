package dev.tokensmith.adapter.persistence;

import dev.tokensmith.application.port.out.StorageFailure;
import dev.tokensmith.domain.token.TokenId;
import dev.tokensmith.domain.token.Usage;
import io.vavr.control.Option;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.StampedLock;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Successful uses recorded on this instance and not yet written to the database, coalesced per
 * token (a count, the latest time and its address), and the background flusher that writes all of
 * them in one statement every {@link Settings#interval()}.
 *
 * <p>Recording is a {@link ConcurrentHashMap#compute} on the token's entry: no global lock, no
 * database call. Reads through {@link #read} add the pending uses to what the database returned,
 * and are consistent with flushes: a flush holds the write side of a {@link StampedLock} from
 * taking the pending entries until its statement has committed (or failed and put them back), and a
 * read that overlapped a flush is repeated under the read side. A failed flush keeps every entry
 * for the next one, and the flusher retries every interval until the database takes them: a use is
 * never dropped. Entries grow with the number of distinct tokens used, not with the number of uses,
 * and are bounded by {@link Settings#maxTokens()}: when that many tokens wait for the database, a
 * use of a further token is refused with {@link StorageFailure} (its request answers 503, so no
 * request that answered 200 goes uncounted).
 */
final class PendingUses implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(PendingUses.class);

  /** Writes a batch of entries, each once, in one transaction; throws when it could not. */
  interface Writer {
    void write(List<Entry> entries);
  }

  /**
   * How usage writes are coalesced.
   *
   * @param interval the time between two flushes
   * @param flushAt a flush starts at once when this many tokens have pending uses
   * @param maxTokens at most this many tokens have pending uses: while the database refuses
   *     flushes, uses of further tokens are refused (and counted) rather than exhaust the memory
   */
  record Settings(Duration interval, int flushAt, int maxTokens) {
    static final Settings DEFAULT = new Settings(Duration.ofMillis(250), 10_000, 100_000);

    Settings {
      Objects.requireNonNull(interval, "interval");
      if (interval.toMillis() < 1) {
        throw new IllegalArgumentException("the usage flush interval is at least 1 ms");
      }
      if (flushAt < 1 || maxTokens < flushAt) {
        throw new IllegalArgumentException("0 < flushAt <= maxTokens");
      }
    }
  }

  /** The pending uses of one token. */
  record Entry(TokenId id, long count, Instant lastAt, String lastAddress) {
    Entry plus(Instant at, String address) {
      boolean later = !at.isBefore(lastAt);
      return new Entry(id, count + 1, later ? at : lastAt, later ? address : lastAddress);
    }

    /** Both entries' uses; the latest time (and its address) wins, as in the database. */
    Entry merge(Entry other) {
      boolean later = !other.lastAt.isBefore(lastAt);
      return new Entry(
          id,
          count + other.count,
          later ? other.lastAt : lastAt,
          later ? other.lastAddress : lastAddress);
    }

    /** {@code stored} (read from the database) plus these uses. */
    Usage addTo(Usage stored) {
      boolean later = stored.lastUsedAt().forAll(at -> !lastAt.isBefore(at));
      return new Usage(
          stored.useCount() + count,
          later ? Option.some(lastAt) : stored.lastUsedAt(),
          later ? Option.some(lastAddress) : stored.lastUsedIp());
    }
  }

  private final ConcurrentHashMap<TokenId, Entry> pending = new ConcurrentHashMap<>();
  private final StampedLock flushing = new StampedLock();
  private final Writer writer;
  private final Settings settings;
  private final ScheduledExecutorService flusher;
  private final AtomicBoolean flushRequested = new AtomicBoolean();
  private final AtomicBoolean failing = new AtomicBoolean();
  private final LongAdder refused = new LongAdder();
  private final AtomicLong flushes = new AtomicLong();
  private final AtomicLong failedFlushes = new AtomicLong();

  /** Entries taken by the flush in progress (they count towards {@link Settings#maxTokens}). */
  private volatile int inFlight;

  private volatile boolean closed;

  PendingUses(Writer writer, Settings settings) {
    this.writer = writer;
    this.settings = settings;
    this.flusher =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, "tokensmith-usage-flusher");
              thread.setDaemon(true);
              return thread;
            });
    long millis = settings.interval().toMillis();
    flusher.scheduleWithFixedDelay(this::flushQuietly, millis, millis, TimeUnit.MILLISECONDS);
  }

  /**
   * Counts one use; written by the next flush (at once when this store is closed). Throws {@link
   * StorageFailure}, counting nothing, when {@link Settings#maxTokens()} tokens wait already.
   */
  void record(TokenId id, Instant at, String address) {
    Entry entry =
        pending.compute(
            id,
            (key, old) -> {
              if (old != null) {
                return old.plus(at, address);
              }
              if (pending.size() + inFlight >= settings.maxTokens()) {
                return null;
              }
              return new Entry(key, 1, at, address);
            });
    if (entry == null) {
      refused.increment();
      throw new StorageFailure(
          "the database has not taken the usage counts of "
              + settings.maxTokens()
              + " tokens; uses of further tokens are refused until it does",
          null);
    }
    if (closed) {
      flushQuietly();
    } else if (entry != null
        && entry.count() == 1
        && pending.size() >= settings.flushAt()
        && flushRequested.compareAndSet(false, true)) {
      flusher.execute(this::flushQuietly);
    }
  }

  /** {@code stored} plus the pending uses of token {@code id}. */
  Usage withPending(TokenId id, Usage stored) {
    Entry entry = pending.get(id);
    return entry == null ? stored : entry.addTo(stored);
  }

  /**
   * Reads with {@code fromDatabase} and adds the pending uses with {@code addPending} (which calls
   * {@link #withPending}), so that no flush committed between the two: such a read is repeated
   * while no flush can run.
   */
  <T> T read(Supplier<T> fromDatabase, UnaryOperator<T> addPending) {
    long stamp = flushing.tryOptimisticRead();
    if (stamp != 0) {
      T result = addPending.apply(fromDatabase.get());
      if (flushing.validate(stamp)) {
        return result;
      }
    }
    stamp = flushing.readLock();
    try {
      return addPending.apply(fromDatabase.get());
    } finally {
      flushing.unlockRead(stamp);
    }
  }

  /** Forgets the pending uses of a deleted token (a flush would skip them anyway). */
  void forget(Collection<TokenId> ids) {
    ids.forEach(pending::remove);
  }

  /**
   * Writes every pending use in one statement, now; on failure the uses stay pending for the next
   * flush and the exception is thrown. When it returns, every use recorded before the call is
   * committed, including those a concurrent flush had taken: nothing pending and no flush holding
   * the lock means that flush has finished, otherwise this one waits for it.
   */
  void flush() {
    if (pending.isEmpty() && !flushing.isWriteLocked()) {
      return;
    }
    long stamp = flushing.writeLock();
    try {
      flushRequested.set(false);
      List<Entry> batch = new ArrayList<>(pending.size());
      for (TokenId id : pending.keySet()) {
        Entry entry = pending.remove(id);
        if (entry != null) {
          batch.add(entry);
          inFlight = batch.size();
        }
      }
      if (batch.isEmpty()) {
        return;
      }
      try {
        writer.write(batch);
        flushes.incrementAndGet();
      } catch (RuntimeException | Error e) {
        // whatever went wrong (an Error too: OutOfMemoryError, StackOverflowError), the batch was
        // not committed and stays pending
        for (Entry entry : batch) {
          pending.merge(entry.id(), entry, Entry::merge);
        }
        failedFlushes.incrementAndGet();
        throw e;
      }
    } finally {
      inFlight = 0;
      flushing.unlockWrite(stamp);
    }
  }

  /**
   * The flusher's task. It never lets anything escape: a task of a scheduled executor that throws
   * is never run again, which would stop the counting silently. A refused flush is logged once
   * until one succeeds; an {@link Error} (the heap exhausted by another thread, say) is logged
   * every time, and the next flush tries again with the uses kept.
   */
  private void flushQuietly() {
    try {
      flush();
      if (failing.compareAndSet(true, false)) {
        LOG.info("usage counts are written again");
      }
    } catch (RuntimeException e) {
      if (failing.compareAndSet(false, true)) {
        LOG.warn(
            "cannot write usage counts, keeping {} token(s) pending and retrying every {} ms: {}",
            pending.size(),
            settings.interval().toMillis(),
            e.getMessage());
      }
    } catch (Error e) {
      failing.set(true);
      LOG.error(
          "the usage flush failed with {}, keeping {} token(s) pending and retrying every {} ms",
          e.getClass().getName(),
          pending.size(),
          settings.interval().toMillis(),
          e);
    }
  }

  /** Stops the flusher and writes what is pending; uses recorded afterwards are written at once. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    flusher.shutdown();
    try {
      if (!flusher.awaitTermination(10, TimeUnit.SECONDS)) {
        LOG.warn("the usage flusher did not stop in time");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try {
      flush();
    } catch (RuntimeException | Error e) {
      long uses = pending.values().stream().mapToLong(Entry::count).sum();
      LOG.error(
          "lost {} use(s) of {} token(s): the database did not take the last usage flush ({})",
          uses,
          pending.size(),
          e.getMessage());
    }
  }

  /** How many tokens have uses waiting for the next flush. */
  int pendingTokens() {
    return pending.size();
  }

  /** Flushes that committed, since start. */
  long flushes() {
    return flushes.get();
  }

  /** Flushes the database refused (their uses stayed pending), since start. */
  long failedFlushes() {
    return failedFlushes.get();
  }

  /** Uses refused because {@link Settings#maxTokens()} tokens were pending already. */
  long refusedUses() {
    return refused.sum();
  }
}
