package dev.tokensmith.adapter.persistence;

import dev.tokensmith.application.port.out.AuditEvent;
import dev.tokensmith.application.port.out.AuditLog;
import dev.tokensmith.application.port.out.AuditNotifications;
import dev.tokensmith.domain.notification.NotificationKind;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * {@link AuditLog} on PostgreSQL: token lifecycle events, listed per owner newest first. Each event
 * that notifies ({@link AuditNotifications#forAudit}) writes its notification event in the same
 * transaction (the outbox of docs/notifications.md).
 */
public final class JdbiAuditLog implements AuditLog {
  static final String RECORD =
      """
      INSERT INTO audit_events (occurred_at, actor, owner_login, token_id, action, detail)
      VALUES (:at, :actor, :ownerLogin, :tokenId, :action, :detail)
      """;

  static final String RECENT_FOR =
      """
      SELECT occurred_at, actor, owner_login, token_id, action, detail
      FROM audit_events
      WHERE owner_login = :ownerLogin
      ORDER BY occurred_at DESC, id DESC
      LIMIT :limit
      """;

  private final Storage storage;

  JdbiAuditLog(Storage storage) {
    this.storage = storage;
  }

  @Override
  public void record(AuditEvent event) {
    recordAll(List.of(event));
  }

  /** The events and their notification events in one transaction: one statement each. */
  @Override
  public void recordAll(List<AuditEvent> events) {
    if (events.isEmpty()) {
      return;
    }
    storage.durably(
        handle -> {
          PreparedBatch batch = handle.prepareBatch(RECORD);
          for (AuditEvent event : events) {
            batch
                .bind("at", event.at())
                .bind("actor", event.actor())
                .bind("ownerLogin", event.ownerLogin())
                .bind("tokenId", event.tokenId().uuid())
                .bind("action", Rows.code(event.action()))
                .bind("detail", event.detail())
                .add();
          }
          batch.execute();
          // the notification outbox, in the same transaction: no event without its notification
          List<JdbiNotificationStore.AuditNotice> notices = new ArrayList<>();
          for (AuditEvent event : events) {
            for (NotificationKind kind : AuditNotifications.forAudit(event.action())) {
              notices.add(
                  new JdbiNotificationStore.AuditNotice(
                      kind,
                      event.tokenId(),
                      event.ownerLogin(),
                      event.at(),
                      event.actor(),
                      event.detail()));
            }
          }
          JdbiNotificationStore.recordAudit(handle, notices);
          return null;
        });
  }

  @Override
  public List<AuditEvent> recentFor(String ownerLogin, int limit) {
    return storage.read(
        handle ->
            handle
                .createQuery(RECENT_FOR)
                .bind("ownerLogin", ownerLogin)
                .bind("limit", Math.max(0, limit))
                .mapTo(Rows.AuditRow.class)
                .stream()
                .map(Rows.AuditRow::toEvent)
                .toList());
  }
}
