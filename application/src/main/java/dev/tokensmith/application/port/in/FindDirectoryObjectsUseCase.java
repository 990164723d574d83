package dev.tokensmith.application.port.in;

import dev.tokensmith.domain.account.Principal;
import dev.tokensmith.domain.directory.DirectoryRecord;
import dev.tokensmith.domain.directory.ObjectQuery;
import io.vavr.control.Either;
import java.util.List;

/**
 * Finds directory objects by ascending id, skipping {@code offset} and returning at most {@code
 * limit} (≥ 1; pass {@link Integer#MAX_VALUE} for all); Forbidden when the actor may not read the
 * class (Person and Organization need any profile, User needs Administrator), InvalidInput for an
 * attribute the class does not have ({@code <attribute>: Unknown attribute}) or a bad limit or
 * offset.
 */
public interface FindDirectoryObjectsUseCase {
  Either<UseCaseFailure, List<DirectoryRecord>> find(
      Principal actor, ObjectQuery query, int limit, int offset);
}
