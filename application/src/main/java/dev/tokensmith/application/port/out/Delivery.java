package dev.tokensmith.application.port.out;

import dev.tokensmith.domain.notification.DeliveryReport;
import dev.tokensmith.domain.notification.WebhookSecret;
import io.vavr.control.Option;

/**
 * A delivery claimed by this instance: one notice to one e-mail address or one webhook, its attempt
 * number (1 for the first), and for a webhook its signing secret (none when the webhook was removed
 * since).
 */
public record Delivery(
    long id,
    DeliveryReport.Channel channel,
    String recipient,
    String address,
    int attempt,
    Option<WebhookSecret> secret,
    Notice notice) {}
