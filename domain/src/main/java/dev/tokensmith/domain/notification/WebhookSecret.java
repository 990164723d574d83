package dev.tokensmith.domain.notification;

import java.util.Objects;

/**
 * A webhook's signing secret, {@code whsec_} and the base64 of its key bytes (Standard Webhooks);
 * shown once at creation, never printed.
 */
public record WebhookSecret(String value) {
  public static final String PREFIX = "whsec_";

  public WebhookSecret {
    Objects.requireNonNull(value, "value");
    if (!value.startsWith(PREFIX)) {
      throw new IllegalArgumentException("a webhook secret starts with " + PREFIX);
    }
  }

  /** The key bytes HMAC-SHA-256 signs with. */
  public byte[] key() {
    return java.util.Base64.getDecoder().decode(value.substring(PREFIX.length()));
  }

  @Override
  public String toString() {
    return "WebhookSecret[redacted]";
  }
}
