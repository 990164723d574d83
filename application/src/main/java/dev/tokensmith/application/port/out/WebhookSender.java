package dev.tokensmith.application.port.out;

import java.util.Map;

/**
 * POSTs a webhook; returns the HTTP status of the answer, or throws when there was none (refused
 * connection, timeout).
 */
public interface WebhookSender {
  int post(String url, Map<String, String> headers, String body);
}
