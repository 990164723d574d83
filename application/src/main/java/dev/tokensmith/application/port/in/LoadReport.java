package dev.tokensmith.application.port.in;

import dev.tokensmith.domain.synchro.SynchroDataSource;
import io.vavr.control.Option;
import java.util.List;

/**
 * What a load did: the data source, each row (0-based) as a new or an updated replica or an error,
 * and the synchronization that followed, if asked.
 */
public record LoadReport(
    SynchroDataSource dataSource, List<LoadedRow> rows, Option<SynchroOutcome> synchronization) {
  public LoadReport {
    rows = List.copyOf(rows);
  }

  /** One row of the load. {@code error} is set for a row in error (nothing loaded from it). */
  public record LoadedRow(int row, String primaryKey, boolean created, Option<String> error) {}

  public long created() {
    return rows.stream().filter(row -> row.error().isEmpty() && row.created()).count();
  }

  public long updated() {
    return rows.stream().filter(row -> row.error().isEmpty() && !row.created()).count();
  }

  public long issues() {
    return rows.stream().filter(row -> row.error().isDefined()).count();
  }
}
