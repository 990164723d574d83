package dev.tokensmith.application.port.in;

import dev.tokensmith.domain.account.Principal;
import io.vavr.control.Either;

/**
 * iTop's synchronization ({@code synchro_exec.php}) of one data source, in one transaction that
 * holds the source (a second run of it meanwhile does nothing and says so): unseen replicas by the
 * delete policy, new and modified replicas reconciled, created or updated, obsolete ones deleted
 * after the retention. NotFound for a data source that does not exist; a source that cannot run
 * (obsolete, the actor not allowed, already running, no attribute to reconcile or update) is an
 * outcome with its error, as iTop logs it.
 */
public interface SynchronizeDataSourceUseCase {
  Either<UseCaseFailure, SynchroOutcome> synchronize(
      Principal actor, long dataSourceId, boolean simulate);
}
