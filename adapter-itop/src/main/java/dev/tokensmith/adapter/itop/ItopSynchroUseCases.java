package dev.tokensmith.adapter.itop;

import dev.tokensmith.application.port.in.DeleteSynchroDataSourceUseCase;
import dev.tokensmith.application.port.in.FindSynchroDataSourcesUseCase;
import dev.tokensmith.application.port.in.LoadReplicasUseCase;
import dev.tokensmith.application.port.in.SaveSynchroDataSourceUseCase;
import dev.tokensmith.application.port.in.SynchronizeDataSourceUseCase;
import java.util.Objects;

/**
 * The in-ports of iTop's data synchronization: data sources (and their deletion), loads and
 * synchronizations.
 */
public record ItopSynchroUseCases(
    FindSynchroDataSourcesUseCase findDataSources,
    SaveSynchroDataSourceUseCase saveDataSource,
    LoadReplicasUseCase loadReplicas,
    SynchronizeDataSourceUseCase synchronize,
    DeleteSynchroDataSourceUseCase deleteDataSource) {
  public ItopSynchroUseCases {
    Objects.requireNonNull(findDataSources, "findDataSources");
    Objects.requireNonNull(saveDataSource, "saveDataSource");
    Objects.requireNonNull(loadReplicas, "loadReplicas");
    Objects.requireNonNull(synchronize, "synchronize");
    Objects.requireNonNull(deleteDataSource, "deleteDataSource");
  }
}
