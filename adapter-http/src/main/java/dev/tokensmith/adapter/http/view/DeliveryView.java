package dev.tokensmith.adapter.http.view;

import dev.tokensmith.domain.notification.DeliveryReport;
import java.util.Locale;

/** One delivery of a notification and where it stands, for the administrators. */
public record DeliveryView(
    long id,
    long eventId,
    String event,
    String token,
    String owner,
    String channel,
    String recipient,
    String address,
    String state,
    int attempts,
    String createdAt,
    String lastAttemptAt,
    String nextAttemptAt,
    String lastOutcome) {
  public static DeliveryView from(DeliveryReport report) {
    boolean waiting =
        report.state() == DeliveryReport.State.PENDING
            || report.state() == DeliveryReport.State.SENDING;
    return new DeliveryView(
        report.id(),
        report.eventId(),
        report.kind().code(),
        report.tokenLabel(),
        report.ownerLogin(),
        report.channel().name().toLowerCase(Locale.ROOT),
        report.recipient(),
        report.address(),
        report.state().name().toLowerCase(Locale.ROOT),
        report.attempts(),
        Times.iso(report.createdAt()),
        Times.isoOrNull(report.lastAttemptAt()),
        waiting ? Times.iso(report.nextAttemptAt()) : null,
        report.lastOutcome());
  }
}
