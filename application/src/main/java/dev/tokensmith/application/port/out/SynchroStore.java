package dev.tokensmith.application.port.out;

import dev.tokensmith.domain.synchro.Replica;
import dev.tokensmith.domain.synchro.SynchroDataSource;
import dev.tokensmith.domain.synchro.SynchroLog;
import io.vavr.control.Option;
import java.util.List;
import java.util.function.Supplier;

/**
 * Data sources, their attributes and their replicas. Its transactions are the directory's: the
 * writes of {@link #inOneTransaction} land together with the directory writes made meanwhile on the
 * same thread.
 */
public interface SynchroStore {
  /**
   * Runs {@code work} in one transaction (joined by the directory store), rolled back when {@code
   * rollback} is set or {@code work} throws.
   */
  <T> T inOneTransaction(boolean rollback, Supplier<T> work);

  /** Every data source with its attributes, by id. */
  List<SynchroDataSource> dataSources();

  /** The data source {@code id}, if any. */
  Option<SynchroDataSource> dataSource(long id);

  /** Stores a new data source and its attributes; answers it with its ids. */
  SynchroDataSource create(SynchroDataSource source);

  /**
   * Stores {@code source}'s fields and its attributes (matched by attcode: kept, changed, added;
   * those no longer listed removed); answers it as stored.
   */
  SynchroDataSource update(SynchroDataSource source);

  /**
   * Holds data source {@code id} until the current transaction ends ({@code SELECT … FOR UPDATE
   * SKIP LOCKED}); false when another transaction holds it or it does not exist. Only inside {@link
   * #inOneTransaction}.
   */
  boolean claim(long id);

  /** The replicas of data source {@code sourceId}, by id. */
  List<Replica> replicas(long sourceId);

  /** Inserts the replicas with id 0 and updates the others; answers them with their ids. */
  List<Replica> save(long sourceId, List<Replica> replicas);

  /** Deletes the replicas {@code replicaIds} (in one statement). */
  void delete(List<Long> replicaIds);

  /**
   * Deletes data source {@code id} with its attributes, replicas and logs (the objects its replicas
   * point at stay); false when there is no such data source.
   */
  boolean deleteDataSource(long id);

  /**
   * Stores {@code log}: inserted when its id is 0 (answered with its id), else updated. Outside
   * {@link #inOneTransaction} the write commits at once.
   */
  SynchroLog saveLog(SynchroLog log);

  /** Deletes log {@code logId} (a run that could not start). */
  void deleteLog(long logId);

  /** The logs of data source {@code sourceId}, by id. */
  List<SynchroLog> logs(long sourceId);
}
