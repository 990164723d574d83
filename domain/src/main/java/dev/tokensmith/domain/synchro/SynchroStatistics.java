package dev.tokensmith.domain.synchro;

/**
 * The counters of one synchronization of a data source, as iTop's {@code SynchroLog} keeps them and
 * its endpoints print them.
 */
public record SynchroStatistics(
    int replicas,
    int replicasSeen,
    int deleted,
    int deletionErrors,
    int obsoleted,
    int obsolescenceErrors,
    int created,
    int createdWarnings,
    int creationErrors,
    int updated,
    int updatedWarnings,
    int updateErrors,
    int reconciledUpdated,
    int reconciledUpdatedWarnings,
    int reconciledUnchanged,
    int reconciledUnchangedWarnings,
    int reconciliationErrors,
    int disappearedNoAction) {

  /** iTop's {@code GetErrorCount()}: every error counter added up. */
  public int errorCount() {
    return deletionErrors
        + obsolescenceErrors
        + creationErrors
        + updateErrors
        + reconciliationErrors;
  }
}
