package dev.tokensmith.application.port.in;

import dev.tokensmith.domain.account.Principal;
import dev.tokensmith.domain.synchro.SynchroDataSource;
import io.vavr.control.Either;

/**
 * Deletes a data source (administrators only) with its attributes, replicas and logs; the objects
 * its replicas created stay, as in iTop. With {@code simulate}, only says what would go. Answers
 * the data source as it was; Forbidden for anyone else, NotFound for a data source that does not
 * exist.
 */
public interface DeleteSynchroDataSourceUseCase {
  Either<UseCaseFailure, SynchroDataSource> delete(Principal actor, long id, boolean simulate);
}
