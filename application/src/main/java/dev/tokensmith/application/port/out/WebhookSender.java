package dev.tokensmith.application.port.out;

import dev.tokensmith.domain.notification.WebhookSecret;

/**
 * POSTs a webhook the Standard Webhooks way: the JSON {@code body} with the headers {@code
 * webhook-id}, {@code webhook-timestamp} (seconds) and {@code webhook-signature} made with {@code
 * secret}. Returns the HTTP status of the answer, or throws when there was none (refused
 * connection, timeout).
 */
public interface WebhookSender {
  int post(String url, WebhookSecret secret, String id, long timestamp, String body);
}
