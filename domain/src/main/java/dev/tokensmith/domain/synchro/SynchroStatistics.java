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

  /** No counter counted yet. */
  public static final SynchroStatistics NONE =
      new SynchroStatistics(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

  /** The counters in the order of the record's components. */
  public int[] counters() {
    return new int[] {
      replicas,
      replicasSeen,
      deleted,
      deletionErrors,
      obsoleted,
      obsolescenceErrors,
      created,
      createdWarnings,
      creationErrors,
      updated,
      updatedWarnings,
      updateErrors,
      reconciledUpdated,
      reconciledUpdatedWarnings,
      reconciledUnchanged,
      reconciledUnchangedWarnings,
      reconciliationErrors,
      disappearedNoAction
    };
  }

  /** The statistics whose {@link #counters()} are {@code counters}. */
  public static SynchroStatistics of(int[] c) {
    if (c.length != 18) {
      throw new IllegalArgumentException("18 counters expected, got " + c.length);
    }
    return new SynchroStatistics(
        c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7], c[8], c[9], c[10], c[11], c[12], c[13],
        c[14], c[15], c[16], c[17]);
  }

  /** iTop's {@code GetErrorCount()}: every error counter added up. */
  public int errorCount() {
    return deletionErrors
        + obsolescenceErrors
        + creationErrors
        + updateErrors
        + reconciliationErrors;
  }
}
