package dev.tokensmith.application.port.in;

import dev.tokensmith.domain.account.Principal;
import dev.tokensmith.domain.synchro.Replica;
import dev.tokensmith.domain.synchro.SynchroDataSource;
import dev.tokensmith.domain.synchro.SynchroLog;
import io.vavr.control.Either;
import java.util.List;

/**
 * The data sources (with their attributes and replicas) the actor may see, by id: all of them for
 * an administrator, those naming the actor as their user otherwise, with their replicas and the
 * logs of their runs. Forbidden for an actor with no profile.
 */
public interface FindSynchroDataSourcesUseCase {
  Either<UseCaseFailure, List<SynchroDataSource>> dataSources(Principal actor);

  /** The replicas of a data source the actor may see, by id; NotFound for any other. */
  Either<UseCaseFailure, List<Replica>> replicas(Principal actor, long dataSourceId);

  /** The logs of the runs of a data source the actor may see, by id; NotFound for any other. */
  Either<UseCaseFailure, List<SynchroLog>> logs(Principal actor, long dataSourceId);
}
