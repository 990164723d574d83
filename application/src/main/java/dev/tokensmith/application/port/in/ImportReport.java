package dev.tokensmith.application.port.in;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** What an import did with each row, in the order of the rows. */
public record ImportReport(List<RowResult> rows) {
  public ImportReport {
    rows = List.copyOf(rows);
  }

  /** What happened to a row. */
  public enum Outcome {
    CREATED,
    UPDATED,
    UNCHANGED,
    ISSUE
  }

  /**
   * One row: its 0-based index, its outcome, iTop's reason when it is an issue, the object's id (0
   * when there is none, or when it was created in a simulation), the number of attributes changed,
   * the problems of single cells (by column index), the columns whose value changed, and the id
   * each external key resolved to.
   */
  public record RowResult(
      int line,
      Outcome outcome,
      String issue,
      long objectId,
      int changedAttributes,
      Map<Integer, String> cellIssues,
      Set<Integer> modifiedColumns,
      Map<String, Long> externalKeys) {
    public RowResult {
      cellIssues = Map.copyOf(cellIssues);
      modifiedColumns = Set.copyOf(modifiedColumns);
      externalKeys = Map.copyOf(externalKeys);
    }
  }

  public long count(Outcome outcome) {
    return rows.stream().filter(row -> row.outcome() == outcome).count();
  }

  /** Cell problems in rows that were written anyway (iTop's {@code #Warnings}). */
  public long warnings() {
    return rows.stream()
        .filter(row -> row.outcome() != Outcome.ISSUE)
        .mapToLong(row -> row.cellIssues().size())
        .sum();
  }
}
