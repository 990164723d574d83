package dev.tokensmith.application.fake;

import dev.tokensmith.application.port.out.AuditEvent;
import dev.tokensmith.application.port.out.AuditLog;
import java.util.ArrayList;
import java.util.List;

/** {@link AuditLog} in memory. */
public final class InMemoryAuditLog implements AuditLog {
  private final List<AuditEvent> events = new ArrayList<>();

  @Override
  public synchronized void record(AuditEvent event) {
    events.add(0, event);
  }

  @Override
  public synchronized List<AuditEvent> recentFor(String ownerLogin, int limit) {
    return events.stream().filter(e -> e.ownerLogin().equals(ownerLogin)).limit(limit).toList();
  }
}
