package dev.tokensmith.domain.notification;

import java.time.Instant;
import java.util.Set;

/** A webhook endpoint the administrators registered; {@code kinds} empty means every kind. */
public record Webhook(
    long id, String url, String description, Set<NotificationKind> kinds, Instant createdAt) {
  public Webhook {
    kinds = Set.copyOf(kinds);
  }
}
