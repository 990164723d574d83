package dev.tokensmith.adapter.http.view;

import dev.tokensmith.application.port.in.CreatedWebhook;

/** A webhook just registered with its signing secret: the only answer that carries it. */
public record CreatedWebhookView(WebhookView webhook, String secret) {
  public static CreatedWebhookView from(CreatedWebhook created) {
    return new CreatedWebhookView(WebhookView.from(created.webhook()), created.secret().value());
  }

  @Override
  public String toString() {
    return "CreatedWebhookView[webhook=" + webhook.id() + ", secret=redacted]";
  }
}
