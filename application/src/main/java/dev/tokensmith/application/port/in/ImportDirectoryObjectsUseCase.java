package dev.tokensmith.application.port.in;

import dev.tokensmith.application.port.in.ImportReport.RowResult;
import dev.tokensmith.domain.account.Principal;
import io.vavr.control.Either;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Imports rows of directory objects (iTop's {@code import.php}): each row is reconciled with the
 * objects that exist on the command's keys, then created, updated or left unchanged, all rows in
 * one transaction (none written when simulating). A row that cannot be written is reported as an
 * issue and the others go on. Forbidden when the actor may not write the class at all
 * (Administrator or Directory Manager); rights are checked again for each row written.
 */
public interface ImportDirectoryObjectsUseCase {
  /**
   * Imports the rows a batch at a time, handing each row's result to {@code results} in the order
   * of the rows as soon as its batch is decided (inside the run's transaction: a sink that throws
   * rolls the whole run back), and returns the counts; neither rows nor results are held beyond
   * their batch. Left {@link UseCaseFailure.Forbidden} or {@link UseCaseFailure.InvalidInput} (a
   * column or key that names nothing of the class) before any row is read.
   */
  Either<UseCaseFailure, ImportTotals> importObjects(
      Principal actor, ImportCommand command, Consumer<RowResult> results);

  /** Imports as {@link #importObjects(Principal, ImportCommand, Consumer)}, every result kept. */
  default Either<UseCaseFailure, ImportReport> importObjects(
      Principal actor, ImportCommand command) {
    List<RowResult> rows = new ArrayList<>();
    return importObjects(actor, command, rows::add).map(totals -> new ImportReport(rows));
  }
}
