package dev.tokensmith.application.port.out;

import java.util.List;

/** The history of token lifecycle events, so owners see what happened to their tokens. */
public interface AuditLog {
  void record(AuditEvent event);

  /** Events concerning tokens owned by {@code ownerLogin}, newest first, at most {@code limit}. */
  List<AuditEvent> recentFor(String ownerLogin, int limit);
}
