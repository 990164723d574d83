package dev.tokensmith.application.port.in;

import dev.tokensmith.domain.account.Principal;
import dev.tokensmith.domain.directory.DirectoryClass;
import dev.tokensmith.domain.directory.DirectoryRecord;
import io.vavr.control.Either;
import java.util.Map;

/**
 * Changes the given {@code fields} of Person or Organization {@code id} (the others are kept; no
 * field at all changes nothing) and returns the object as it is now. The failures of {@link
 * CreateDirectoryObjectUseCase}, and NotFound ({@code Invalid object <Class>::<id>}).
 */
public interface UpdateDirectoryObjectUseCase {
  Either<UseCaseFailure, DirectoryRecord> update(
      Principal actor, DirectoryClass directoryClass, long id, Map<String, ?> fields);
}
