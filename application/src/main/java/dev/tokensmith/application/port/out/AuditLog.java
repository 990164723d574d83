package dev.tokensmith.application.port.out;

import java.util.List;

/** The history of token lifecycle events, so owners see what happened to their tokens. */
public interface AuditLog {
  void record(AuditEvent event);

  /**
   * Records {@code events} together, all or none (a policy change records one per affected token).
   * Stores should write them in one transaction; this default records them one by one.
   */
  default void recordAll(List<AuditEvent> events) {
    events.forEach(this::record);
  }

  /** Events concerning tokens owned by {@code ownerLogin}, newest first, at most {@code limit}. */
  List<AuditEvent> recentFor(String ownerLogin, int limit);
}
