package dev.tokensmith.domain.notification;

import java.time.Instant;
import java.util.Set;

/**
 * A webhook endpoint the administrators registered; {@code kinds} empty means every kind. A
 * disabled webhook gets no new deliveries, and its pending ones wait until it is enabled again.
 */
public record Webhook(
    long id,
    String url,
    String description,
    Set<NotificationKind> kinds,
    Instant createdAt,
    boolean enabled) {
  public Webhook {
    kinds = Set.copyOf(kinds);
  }

  /** An enabled webhook. */
  public Webhook(
      long id, String url, String description, Set<NotificationKind> kinds, Instant createdAt) {
    this(id, url, description, kinds, createdAt, true);
  }
}
