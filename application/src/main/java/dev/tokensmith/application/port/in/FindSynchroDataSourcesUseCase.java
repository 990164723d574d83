package dev.tokensmith.application.port.in;

import dev.tokensmith.domain.account.Principal;
import dev.tokensmith.domain.synchro.SynchroDataSource;
import io.vavr.control.Either;
import java.util.List;

/**
 * The data sources (with their attributes) the actor may see, by id: all of them for an
 * administrator, those naming the actor as their user otherwise. Forbidden for an actor with no
 * profile.
 */
public interface FindSynchroDataSourcesUseCase {
  Either<UseCaseFailure, List<SynchroDataSource>> dataSources(Principal actor);
}
