package dev.tokensmith.domain.synchro;

import io.vavr.control.Option;
import java.time.Instant;
import java.util.Objects;

/**
 * One synchronization run of a data source as iTop's {@code SynchroLog} records it: when it started
 * and ended, whether it is running, completed or stopped by an error (its {@code lastError}), and
 * its counters. A run that could not start (obsolete source, actor not allowed, nothing to
 * reconcile or update, already running) leaves no log, as in iTop.
 */
public record SynchroLog(
    long id,
    long dataSourceId,
    Instant startDate,
    Option<Instant> endDate,
    SynchroLogStatus status,
    SynchroStatistics statistics,
    String lastError) {
  public SynchroLog {
    Objects.requireNonNull(startDate, "startDate");
    Objects.requireNonNull(endDate, "endDate");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(statistics, "statistics");
    Objects.requireNonNull(lastError, "lastError");
    if (id < 0 || dataSourceId <= 0) {
      throw new IllegalArgumentException("a log has an id >= 0 and belongs to a data source");
    }
  }

  /** The log of a run of data source {@code dataSourceId} that starts at {@code start}. */
  public static SynchroLog running(long dataSourceId, Instant start) {
    return new SynchroLog(
        0,
        dataSourceId,
        start,
        Option.none(),
        SynchroLogStatus.RUNNING,
        SynchroStatistics.NONE,
        "");
  }

  /** This log with its id. */
  public SynchroLog withId(long newId) {
    return new SynchroLog(newId, dataSourceId, startDate, endDate, status, statistics, lastError);
  }

  /**
   * This run ended at {@code end} with {@code counted}: completed, or in error when one is given.
   */
  public SynchroLog ended(Instant end, SynchroStatistics counted, Option<String> error) {
    return new SynchroLog(
        id,
        dataSourceId,
        startDate,
        Option.some(end),
        error.isDefined() ? SynchroLogStatus.ERROR : SynchroLogStatus.COMPLETED,
        counted,
        error.getOrElse(""));
  }
}
