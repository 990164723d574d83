package dev.tokensmith.application.port.out;

import dev.tokensmith.domain.notification.DeliveryReport;
import dev.tokensmith.domain.notification.NotificationKind;
import dev.tokensmith.domain.notification.Webhook;
import dev.tokensmith.domain.notification.WebhookSecret;
import io.vavr.control.Option;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * The notification outbox shared by every instance: lifecycle events (written by the audit log, the
 * usage flusher and the failure log in their own transactions, and by {@link #addExpiryWarnings}),
 * their deliveries, the webhooks and each user's choices. Claims are made in the database, so each
 * delivery is sent by one instance.
 */
public interface NotificationStore {
  /**
   * Adds one {@link NotificationKind#EXPIRY_COMING} event per token expiring after {@code now} and
   * within the largest of {@code days}, for the smallest of {@code days} it falls within, unless
   * that warning exists already (so repeating it adds nothing). Returns how many it added.
   */
  int addExpiryWarnings(Instant now, List<Integer> days);

  /**
   * Turns at most {@code limit} events not fanned out yet into deliveries: an e-mail (when {@code
   * mail}) to the owner of a personal token, or to every enabled administrator for an application
   * token, unless they muted the kind or have no address; and one per webhook taking the kind.
   * Returns how many events it fanned out.
   */
  int fanOut(Instant now, boolean mail, int limit);

  /**
   * Claims at most {@code limit} deliveries due at {@code now} (pending, or claimed by an instance
   * whose lease ended) for this instance until {@code leaseUntil}; no other instance gets them.
   */
  List<Delivery> claimDue(Instant now, Instant leaseUntil, int limit);

  void delivered(long deliveryId, Instant at, String outcome);

  /** A failed attempt: due again at {@code retryAt}, or given up when that is none. */
  void failed(long deliveryId, Instant at, String outcome, Option<Instant> retryAt);

  /** The newest deliveries first, at most {@code limit}; {@code state} none: every state. */
  List<DeliveryReport> deliveries(Option<DeliveryReport.State> state, int limit);

  Webhook addWebhook(
      String url,
      String description,
      Set<NotificationKind> kinds,
      WebhookSecret secret,
      Instant at);

  List<Webhook> webhooks();

  /**
   * Replaces a webhook's URL, description, kinds and whether it is enabled; its pending deliveries
   * go to the new URL. None when there is no such webhook.
   */
  Option<Webhook> updateWebhook(
      long id, String url, String description, Set<NotificationKind> kinds, boolean enabled);

  /**
   * Replaces a webhook's signing secret (its pending deliveries are signed with the new one). False
   * when there is no such webhook.
   */
  boolean replaceWebhookSecret(long id, WebhookSecret secret);

  /**
   * Adds a {@link NotificationKind#WEBHOOK_TEST} event sent by {@code actor} at {@code at} and its
   * one delivery, to this webhook only, due at once. Returns the event's id, or none when there is
   * no such webhook.
   */
  Option<Long> addTestDelivery(long webhookId, String actor, Instant at);

  /** Removes a webhook; its pending deliveries are given up. False when there is none. */
  boolean removeWebhook(long id, Instant at);

  /**
   * Forgets at most {@code limit} deliveries delivered or given up before {@code before}, and the
   * events left without deliveries that happened before it. Returns how many rows it removed.
   */
  int prune(Instant before, int limit);

  /** The kinds {@code login} chose not to receive. */
  Set<NotificationKind> muted(String login);

  void mute(String login, Set<NotificationKind> kinds);
}
