package dev.tokensmith.application.port.in;

import dev.tokensmith.domain.account.Principal;
import dev.tokensmith.domain.directory.ObjectQuery;
import io.vavr.control.Either;
import java.util.List;

/**
 * Deletes every Person or Organization the query matches, by ascending id, each on its own: an
 * object others still point at stays and is reported with its issue. With {@code simulate} nothing
 * is deleted and the report says what would happen. Forbidden unless the actor holds Administrator
 * or Directory Manager, and always for User; InvalidInput for an unknown attribute.
 */
public interface DeleteDirectoryObjectUseCase {
  Either<UseCaseFailure, List<DirectoryDeletion>> delete(
      Principal actor, ObjectQuery query, boolean simulate);
}
