package dev.tokensmith.adapter.http.view;

import dev.tokensmith.domain.notification.NotificationKind;
import dev.tokensmith.domain.notification.Webhook;
import java.util.List;

/** A webhook endpoint (never its secret); {@code events} empty: every event. */
public record WebhookView(
    long id,
    String url,
    String description,
    List<String> events,
    String createdAt,
    boolean enabled) {
  public static WebhookView from(Webhook webhook) {
    return new WebhookView(
        webhook.id(),
        webhook.url(),
        webhook.description(),
        webhook.kinds().stream().map(NotificationKind::code).sorted().toList(),
        Times.iso(webhook.createdAt()),
        webhook.enabled());
  }
}
