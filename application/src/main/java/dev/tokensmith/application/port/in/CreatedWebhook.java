package dev.tokensmith.application.port.in;

import dev.tokensmith.domain.notification.Webhook;
import dev.tokensmith.domain.notification.WebhookSecret;

/** A webhook just registered, with its signing secret (shown this once). */
public record CreatedWebhook(Webhook webhook, WebhookSecret secret) {}
