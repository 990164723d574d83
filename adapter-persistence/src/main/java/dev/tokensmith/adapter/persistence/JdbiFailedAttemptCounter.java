package dev.tokensmith.adapter.persistence;

import dev.tokensmith.application.port.out.AttemptWindow;
import dev.tokensmith.application.port.out.FailedAttemptCounter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * {@link FailedAttemptCounter} on PostgreSQL: one upsert per failed attempt, whatever the number of
 * windows it spends, atomic across every instance on the database; one primary-key read to check a
 * budget. Keys are stored as SHA-256 digests. Every {@link #PRUNE_EVERY}th failure also deletes a
 * batch of rows whose window has ended. Nothing relies on the connection's session.
 */
public final class JdbiFailedAttemptCounter implements FailedAttemptCounter {
  static final int PRUNE_EVERY = 256;
  static final int PRUNE_BATCH = 1000;

  /** Rows are inserted in key order so that concurrent upserts lock them in the same order. */
  static final String COUNT =
      """
      INSERT INTO failed_attempts AS a (key_digest, window_start, window_end, failures)
      SELECT decode(w.k, 'hex'),
             timestamptz 'epoch' + w.s * interval '1 microsecond',
             timestamptz 'epoch' + w.e * interval '1 microsecond',
             1
      FROM unnest(CAST(:keys AS text[]), CAST(:starts AS bigint[]), CAST(:ends AS bigint[]))
           AS w(k, s, e)
      ORDER BY w.k
      ON CONFLICT (key_digest, window_start) DO UPDATE SET failures = a.failures + 1
      RETURNING encode(a.key_digest, 'hex') AS k, a.failures
      """;

  static final String READ =
      """
      SELECT failures FROM failed_attempts
      WHERE key_digest = decode(:key, 'hex')
        AND window_start = timestamptz 'epoch' + :start * interval '1 microsecond'
      """;

  static final String PRUNE =
      """
      DELETE FROM failed_attempts
      WHERE ctid = ANY (ARRAY(
          SELECT ctid FROM failed_attempts
          WHERE window_end <= timestamptz 'epoch' + :before * interval '1 microsecond'
          LIMIT :batch))
      """;

  private final Storage storage;
  private final AtomicLong counted = new AtomicLong();

  JdbiFailedAttemptCounter(Storage storage) {
    this.storage = storage;
  }

  @Override
  public List<Long> countFailure(List<AttemptWindow> windows) {
    if (windows.isEmpty()) {
      return List.of();
    }
    List<String> keys = new ArrayList<>(windows.size());
    List<Long> starts = new ArrayList<>(windows.size());
    List<Long> ends = new ArrayList<>(windows.size());
    for (AttemptWindow window : windows) {
      keys.add(digest(window.key()));
      starts.add(micros(window.start()));
      ends.add(micros(window.end()));
    }
    Map<String, Long> after =
        storage.read(
            handle ->
                handle
                    .createQuery(COUNT)
                    .bindArray("keys", String.class, keys)
                    .bindArray("starts", Long.class, starts)
                    .bindArray("ends", Long.class, ends)
                    .map((row, context) -> Map.entry(row.getString("k"), row.getLong("failures")))
                    .stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
    if (counted.incrementAndGet() % PRUNE_EVERY == 0) {
      pruneEndedBefore(windows.get(0).start());
    }
    List<Long> answer = new ArrayList<>(keys.size());
    for (String key : keys) {
      Long count = after.get(key);
      if (count == null) {
        throw new IllegalStateException("the upsert of failed attempts returned no row for a key");
      }
      answer.add(count);
    }
    return answer;
  }

  @Override
  public long failures(AttemptWindow window) {
    return storage.read(
        handle ->
            handle
                .createQuery(READ)
                .bind("key", digest(window.key()))
                .bind("start", micros(window.start()))
                .mapTo(Long.class)
                .findOne()
                .orElse(0L));
  }

  /** Deletes up to {@link #PRUNE_BATCH} rows whose window ended by {@code before}. */
  int pruneEndedBefore(Instant before) {
    return storage.read(
        handle ->
            handle
                .createUpdate(PRUNE)
                .bind("before", micros(before))
                .bind("batch", PRUNE_BATCH)
                .execute());
  }

  private static long micros(Instant instant) {
    return Math.addExact(
        Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000L);
  }

  private static String digest(String key) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
