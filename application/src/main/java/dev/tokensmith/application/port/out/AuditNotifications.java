package dev.tokensmith.application.port.out;

import dev.tokensmith.domain.notification.NotificationKind;
import io.vavr.control.Option;

/** Which audit events are the source of a lifecycle notification (docs/notifications.md). */
public final class AuditNotifications {
  private AuditNotifications() {}

  /**
   * The notification an audit event is the source of, or none (an edit notifies nobody). The {@code
   * switch} has no default, so a new {@link AuditEvent.Action} does not compile until it is mapped
   * here.
   */
  public static Option<NotificationKind> forAudit(AuditEvent.Action action) {
    return switch (action) {
      case CREATED -> Option.some(NotificationKind.TOKEN_CREATED);
      case EDITED -> Option.none();
      case REFRESHED -> Option.some(NotificationKind.TOKEN_REFRESHED);
      case DELETED -> Option.some(NotificationKind.TOKEN_DELETED);
      case REVOKED -> Option.some(NotificationKind.TOKEN_REVOKED);
      case POLICY_DEADLINE -> Option.some(NotificationKind.POLICY_DEADLINE);
    };
  }
}
