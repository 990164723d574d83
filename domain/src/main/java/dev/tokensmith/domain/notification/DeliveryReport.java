package dev.tokensmith.domain.notification;

import io.vavr.control.Option;
import java.time.Instant;

/** A delivery as the administrators see it: what, to whom, its state and its last outcome. */
public record DeliveryReport(
    long id,
    long eventId,
    NotificationKind kind,
    String tokenLabel,
    String ownerLogin,
    Channel channel,
    String recipient,
    String address,
    State state,
    int attempts,
    Instant createdAt,
    Option<Instant> lastAttemptAt,
    Instant nextAttemptAt,
    String lastOutcome) {
  /** How a delivery travels. */
  public enum Channel {
    EMAIL,
    WEBHOOK
  }

  /** Where a delivery stands. */
  public enum State {
    PENDING,
    SENDING,
    DELIVERED,
    GIVEN_UP
  }
}
