package dev.tokensmith.adapter.itop;

import dev.tokensmith.domain.synchro.SynchroStatistics;
import java.util.List;

/** The statistics lines iTop's synchro endpoints print, in their order and words. */
final class SynchroText {
  private SynchroText() {}

  /**
   * The lines of a synchronization's statistics. As iTop does, the warnings of "reconciled
   * (unchanged)" repeat those of "reconciled (updated)".
   */
  static List<String> lines(SynchroStatistics s) {
    return List.of(
        "Replicas: " + s.replicas(),
        "Replicas touched since last synchro: " + s.replicasSeen(),
        "Objects deleted: " + s.deleted(),
        "Objects deletion errors: " + s.deletionErrors(),
        "Objects obsoleted: " + s.obsoleted(),
        "Objects obsolescence errors: " + s.obsolescenceErrors(),
        "Objects created: " + s.created() + " (" + s.createdWarnings() + " warnings)",
        "Objects creation errors: " + s.creationErrors(),
        "Objects updated: " + s.updated() + " (" + s.updatedWarnings() + " warnings)",
        "Objects update errors: " + s.updateErrors(),
        "Objects reconciled (updated): "
            + s.reconciledUpdated()
            + " ("
            + s.reconciledUpdatedWarnings()
            + " warnings)",
        "Objects reconciled (unchanged): "
            + s.reconciledUnchanged()
            + " ("
            + s.reconciledUpdatedWarnings()
            + " warnings)",
        "Objects reconciliation errors: " + s.reconciliationErrors(),
        "Replica disappeared, no action taken: " + s.disappearedNoAction());
  }
}
