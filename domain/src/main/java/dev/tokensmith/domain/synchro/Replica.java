package dev.tokensmith.domain.synchro;

import io.vavr.control.Option;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One row a collector loaded into a data source, kept between loads: its {@code primaryKey}, its
 * column values (a column without a value is NULL: "leave the object's attribute as it is"; an
 * empty text resets it), its {@link ReplicaStatus}, the object it is synchronized with, when a load
 * last saw it, whether it created that object, and the last error and warning of its
 * synchronization. {@code id} is 0 until it is stored.
 */
public record Replica(
    long id,
    String primaryKey,
    Map<String, String> values,
    ReplicaStatus status,
    Option<Long> destination,
    Instant lastSeen,
    boolean destinationCreator,
    String lastError,
    String lastWarning) {
  public Replica {
    Objects.requireNonNull(primaryKey, "primaryKey");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(destination, "destination");
    Objects.requireNonNull(lastSeen, "lastSeen");
    Objects.requireNonNull(lastError, "lastError");
    Objects.requireNonNull(lastWarning, "lastWarning");
    Map<String, String> copy = new LinkedHashMap<>();
    values.forEach(
        (column, value) -> copy.put(Objects.requireNonNull(column), Objects.requireNonNull(value)));
    values = Collections.unmodifiableMap(copy);
  }

  /**
   * A replica first loaded at {@code seen} with {@code loaded} column values (none: NULL); it is
   * {@code new}.
   */
  public static Replica loaded(
      String primaryKey, Map<String, Option<String>> loaded, Instant seen) {
    Map<String, String> values = new LinkedHashMap<>();
    loaded.forEach((column, value) -> value.forEach(text -> values.put(column, text)));
    return new Replica(
        0, primaryKey, values, ReplicaStatus.NEW, Option.none(), seen, false, "", "");
  }

  /**
   * This replica loaded again at {@code seen}: the columns in {@code loaded} take their new values
   * (none: NULL), the others keep theirs, and the status moves as {@link ReplicaStatus#loadedAgain}
   * says.
   */
  public Replica loadedAgain(Map<String, Option<String>> loaded, Instant seen) {
    Map<String, String> next = new LinkedHashMap<>(values);
    loaded.forEach(
        (column, value) -> {
          if (value.isDefined()) {
            next.put(column, value.get());
          } else {
            next.remove(column);
          }
        });
    boolean changed = !next.equals(values);
    return new Replica(
        id,
        primaryKey,
        next,
        status.loadedAgain(changed, destination.isDefined()),
        destination,
        seen,
        destinationCreator,
        lastError,
        lastWarning);
  }

  /** The value of {@code column}, none when NULL. */
  public Option<String> value(String column) {
    return Option.of(values.get(column));
  }

  /** Whether the last full load (every load since {@code limit}) missed this replica. */
  public boolean unseenSince(Instant limit) {
    return status.canBecomeUnseen() && lastSeen.isBefore(limit);
  }

  /** This replica synchronized with object {@code id}, created by it or not, with a warning. */
  public Replica synchronizedWith(long objectId, boolean created, String warning) {
    return new Replica(
        id,
        primaryKey,
        values,
        ReplicaStatus.SYNCHRONIZED,
        Option.some(objectId),
        lastSeen,
        created || (destinationCreator && destination.contains(objectId)),
        "",
        warning);
  }

  /** This replica after a failed synchronization: its status kept, the error recorded. */
  public Replica failed(String error) {
    return new Replica(
        id, primaryKey, values, status, destination, lastSeen, destinationCreator, error, "");
  }

  /** This replica in {@code newStatus} (orphan, obsolete), with {@code error}. */
  public Replica withStatus(ReplicaStatus newStatus, String error) {
    return new Replica(
        id, primaryKey, values, newStatus, destination, lastSeen, destinationCreator, error, "");
  }

  /** The same replica stored as {@code newId}. */
  public Replica withId(long newId) {
    return new Replica(
        newId,
        primaryKey,
        values,
        status,
        destination,
        lastSeen,
        destinationCreator,
        lastError,
        lastWarning);
  }
}
