package dev.tokensmith.application.port.in;

import dev.tokensmith.domain.account.Principal;
import io.vavr.control.Either;

/**
 * iTop's load phase ({@code synchro_import.php}): stores each row as its data source's replica of
 * that {@code primary_key} (new, or loaded again and marked seen), in one transaction, then
 * synchronizes when asked. NotFound (iTop's {@code Unknown data source id}) for a data source that
 * does not exist; Forbidden unless the actor is an administrator or the source's user; InvalidInput
 * for a column that is not the source's or a missing {@code primary_key}, a cell over the size
 * limit, or a row in error without {@code continueOnError}: nothing is loaded then.
 */
public interface LoadReplicasUseCase {
  Either<UseCaseFailure, LoadReport> load(Principal actor, LoadReplicasCommand command);
}
