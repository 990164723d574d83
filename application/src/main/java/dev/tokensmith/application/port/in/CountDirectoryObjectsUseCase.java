package dev.tokensmith.application.port.in;

import dev.tokensmith.domain.account.Principal;
import dev.tokensmith.domain.directory.ObjectQuery;
import io.vavr.control.Either;

/**
 * Counts the directory objects a query matches, with the rights and failures of {@link
 * FindDirectoryObjectsUseCase} (e.g. for {@code Found: N} or {@code Several items found (N)}).
 */
public interface CountDirectoryObjectsUseCase {
  Either<UseCaseFailure, Long> count(Principal actor, ObjectQuery query);
}
