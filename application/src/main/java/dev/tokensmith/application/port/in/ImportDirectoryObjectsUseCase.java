package dev.tokensmith.application.port.in;

import dev.tokensmith.domain.account.Principal;
import io.vavr.control.Either;

/**
 * Imports rows of directory objects (iTop's {@code import.php}): each row is reconciled with the
 * objects that exist on the command's keys, then created, updated or left unchanged, all rows in
 * one transaction (none written when simulating). A row that cannot be written is reported as an
 * issue and the others go on. Forbidden when the actor may not write the class at all
 * (Administrator or Directory Manager); rights are checked again for each row written.
 */
public interface ImportDirectoryObjectsUseCase {
  Either<UseCaseFailure, ImportReport> importObjects(Principal actor, ImportCommand command);
}
