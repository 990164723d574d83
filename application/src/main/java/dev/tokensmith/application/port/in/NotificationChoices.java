package dev.tokensmith.application.port.in;

import dev.tokensmith.domain.notification.NotificationKind;
import java.util.Map;

/**
 * What a user receives: each kind on or off, whether e-mail is configured at all, and the address
 * it goes to.
 */
public record NotificationChoices(
    String email, boolean mailEnabled, Map<NotificationKind, Boolean> kinds) {
  public NotificationChoices {
    kinds = Map.copyOf(kinds);
  }
}
