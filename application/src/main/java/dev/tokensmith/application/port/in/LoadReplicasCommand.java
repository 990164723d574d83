package dev.tokensmith.application.port.in;

import io.vavr.control.Option;
import java.util.List;
import java.util.Objects;

/**
 * A load of CSV rows into data source {@code dataSourceId}'s replicas: the header's column names
 * ({@code primary_key} and replica columns), the rows (a cell none is {@code <NULL>}), whether to
 * roll everything back ({@code simulate}), to go on past a row in error ({@code continueOnError}),
 * and to synchronize right after ({@code synchronize}).
 */
public record LoadReplicasCommand(
    long dataSourceId,
    List<String> columns,
    List<List<Option<String>>> rows,
    boolean simulate,
    boolean continueOnError,
    boolean synchronize) {
  public LoadReplicasCommand {
    columns = List.copyOf(columns);
    rows = List.copyOf(rows);
    for (List<Option<String>> row : rows) {
      if (row.size() != columns.size()) {
        throw new IllegalArgumentException("every row has one cell per column");
      }
    }
    Objects.requireNonNull(rows, "rows");
  }
}
