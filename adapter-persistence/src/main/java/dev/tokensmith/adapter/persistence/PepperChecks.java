package dev.tokensmith.adapter.persistence;

import io.vavr.control.Either;
import io.vavr.control.Option;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The check values of the pepper keys in table {@code pepper_checks}, which prove at every start
 * that the configured keys are the ones the database's tokens were made with; {@link #verify}
 * returns a {@link PepperMismatch} when they are not.
 */
public final class PepperChecks {
  private final Storage storage;

  PepperChecks(Storage storage) {
    this.storage = storage;
  }

  /**
   * What {@link #verify} found: the key ids it recorded now, and the recorded ones no longer
   * configured, which no token needs.
   */
  public record Verified(List<String> recorded, List<String> retired) {
    public Verified {
      recorded = List.copyOf(recorded);
      retired = List.copyOf(retired);
    }
  }

  /**
   * Whether the database holds neither a token nor a check value: the only database for which a new
   * pepper may be generated (any other was made with a pepper that exists somewhere).
   */
  public boolean databaseIsEmpty() {
    return storage.read(
        handle ->
            handle
                .createQuery(
                    """
                    SELECT NOT EXISTS (SELECT 1 FROM pepper_checks)
                       AND NOT EXISTS (SELECT 1 FROM tokens)
                    """)
                .mapTo(Boolean.class)
                .one());
  }

  /** The key ids the database has check values for, oldest record first. */
  public List<String> recordedKeyIds() {
    return List.copyOf(recorded().keySet());
  }

  /**
   * Compares {@code peppers} with the recorded check values (one short read when every configured
   * key is recorded and every recorded key is configured), and records the keys seen for the first
   * time (two instances starting at once agree on the first value written). When a recorded key is
   * not configured, or a key is recorded for the first time (as on the first start after this check
   * was introduced), it counts the tokens whose current digest needs a key that is not configured.
   * Returns the first {@link PepperMismatch.DifferentKey}, else the first {@link
   * PepperMismatch.MissingKey} (before recording anything), else what it recorded and the recorded
   * keys no token needs any more.
   */
  public Either<PepperMismatch, Verified> verify(Peppers peppers) {
    Map<String, String> offered = new LinkedHashMap<>();
    peppers.keyIds().forEach(keyId -> offered.put(keyId, peppers.checkValue(keyId)));
    Map<String, String> recorded = recorded();
    Option<PepperMismatch> different = differentKey(offered, recorded);
    if (different.isDefined()) {
      return Either.left(different.get());
    }
    List<String> unrecorded = new ArrayList<>(offered.keySet());
    unrecorded.removeAll(recorded.keySet());
    List<String> absent = new ArrayList<>(recorded.keySet());
    absent.removeAll(offered.keySet());
    if (!absent.isEmpty() || !unrecorded.isEmpty()) {
      Map<String, Long> needed = tokensNeedingOtherKeys(offered.keySet());
      List<String> missing = new ArrayList<>(absent);
      needed.keySet().stream().filter(keyId -> !missing.contains(keyId)).forEach(missing::add);
      for (String keyId : missing) {
        long tokens = needed.getOrDefault(keyId, 0L);
        if (tokens > 0) {
          return Either.left(new PepperMismatch.MissingKey(keyId, tokens));
        }
      }
    }
    if (!unrecorded.isEmpty()) {
      record(unrecorded, offered);
      // read back: a concurrent start may have recorded another value first
      different = differentKey(offered, recorded());
      if (different.isDefined()) {
        return Either.left(different.get());
      }
    }
    return Either.right(new Verified(unrecorded, absent));
  }

  /** The first configured key whose recorded check value differs from its own. */
  private static Option<PepperMismatch> differentKey(
      Map<String, String> offered, Map<String, String> recorded) {
    for (Map.Entry<String, String> key : offered.entrySet()) {
      String check = recorded.get(key.getKey());
      if (check != null && !sameValue(check, key.getValue())) {
        return Option.some(new PepperMismatch.DifferentKey(key.getKey()));
      }
    }
    return Option.none();
  }

  private Map<String, String> recorded() {
    return storage.read(
        handle -> {
          Map<String, String> checks = new LinkedHashMap<>();
          handle
              .createQuery(
                  "SELECT key_id, check_value FROM pepper_checks ORDER BY recorded_at, key_id")
              .map((row, context) -> Map.entry(row.getString(1), row.getString(2)))
              .forEach(entry -> checks.put(entry.getKey(), entry.getValue()));
          return checks;
        });
  }

  private void record(List<String> keyIds, Map<String, String> checks) {
    String[] values = keyIds.stream().map(checks::get).toArray(String[]::new);
    storage.durably(
        handle ->
            handle
                .createUpdate(
                    """
                    INSERT INTO pepper_checks (key_id, check_value)
                    SELECT * FROM unnest(:keyIds, :checks)
                    ON CONFLICT (key_id) DO NOTHING
                    """)
                .bind("keyIds", keyIds.toArray(String[]::new))
                .bind("checks", values)
                .execute());
  }

  /**
   * How many tokens have a current digest made with a pepper key other than {@code configured}, by
   * key id (the key id is the second {@code $}-separated field of every digest format; Argon2id
   * digests with key id {@code 0} need no pepper). Read only when the keys changed, so it may scan
   * the table.
   */
  private Map<String, Long> tokensNeedingOtherKeys(Collection<String> configured) {
    return storage.read(
        handle -> {
          Map<String, Long> counts = new LinkedHashMap<>();
          handle
              .createQuery(
                  """
                  SELECT split_part(digest, '$', 2) AS key_id, count(*) AS tokens
                  FROM tokens
                  WHERE split_part(digest, '$', 2) <> ALL (:configured)
                    AND NOT (split_part(digest, '$', 1) = :argon2 AND split_part(digest, '$', 2) = :noPepper)
                  GROUP BY 1
                  ORDER BY 1
                  """)
              .bind("configured", configured.toArray(String[]::new))
              .bind("argon2", Argon2TokenDigester.ALGORITHM)
              .bind("noPepper", Argon2TokenDigester.NO_PEPPER)
              .map((row, context) -> Map.entry(row.getString(1), row.getLong(2)))
              .forEach(entry -> counts.put(entry.getKey(), entry.getValue()));
          return counts;
        });
  }

  private static boolean sameValue(String recorded, String offered) {
    return MessageDigest.isEqual(
        recorded.getBytes(StandardCharsets.US_ASCII), offered.getBytes(StandardCharsets.US_ASCII));
  }
}
