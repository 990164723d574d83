package dev.tokensmith.application.port.in;

/**
 * One round of the notification worker, run in the background on every instance, never on a
 * request: adds the expiry warnings due, fans new events out to deliveries and sends the deliveries
 * due that this instance claimed.
 */
public interface DeliverNotificationsUseCase {
  Round deliverDue();

  /** What a round did. */
  record Round(int expiryWarnings, int eventsFannedOut, int sent, int failed) {}
}
