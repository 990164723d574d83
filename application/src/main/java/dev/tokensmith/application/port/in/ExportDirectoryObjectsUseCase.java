package dev.tokensmith.application.port.in;

import dev.tokensmith.domain.account.Principal;
import dev.tokensmith.domain.directory.DirectoryRecord;
import dev.tokensmith.domain.directory.ObjectQuery;
import io.vavr.control.Either;
import java.util.function.Consumer;

/**
 * Exports the directory objects a query matches (iTop's {@code export-v2.php}): hands each to
 * {@code sink} in iTop's export order (friendly name, then id) as the store reads them, never all
 * at once, and returns how many; Forbidden when the actor may not read the class (Person and
 * Organization need any profile, User needs Administrator), InvalidInput for an attribute the class
 * does not have.
 */
public interface ExportDirectoryObjectsUseCase {
  Either<UseCaseFailure, Long> export(
      Principal actor, ObjectQuery query, Consumer<DirectoryRecord> sink);
}
