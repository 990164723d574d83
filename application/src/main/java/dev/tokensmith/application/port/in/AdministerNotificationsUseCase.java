package dev.tokensmith.application.port.in;

import dev.tokensmith.domain.account.Principal;
import dev.tokensmith.domain.notification.DeliveryReport;
import dev.tokensmith.domain.notification.NotificationKind;
import dev.tokensmith.domain.notification.Webhook;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.util.List;
import java.util.Set;

/**
 * The administrators' side of notifications: webhooks, and every delivery with its outcome. Each
 * method fails with {@link UseCaseFailure.Forbidden} for anyone else; creating fails with {@link
 * UseCaseFailure.InvalidInput} for a URL that is not http(s) or a description too long.
 */
public interface AdministerNotificationsUseCase {
  Either<UseCaseFailure, List<Webhook>> listWebhooks(Principal actor);

  Either<UseCaseFailure, CreatedWebhook> createWebhook(
      Principal actor, String url, String description, Set<NotificationKind> kinds);

  /** Fails with {@link UseCaseFailure.NotFound} when there is no such webhook. */
  Either<UseCaseFailure, Long> deleteWebhook(Principal actor, long id);

  /**
   * Changes what {@code edit} names (the rest stays); fails with {@link UseCaseFailure.NotFound}
   * when there is no such webhook, {@link UseCaseFailure.InvalidInput} as {@link #createWebhook}.
   */
  Either<UseCaseFailure, Webhook> editWebhook(Principal actor, long id, WebhookEdit edit);

  /**
   * Gives the webhook a new signing secret, returned this once; the old one stops signing at once.
   * Fails with {@link UseCaseFailure.NotFound} when there is no such webhook.
   */
  Either<UseCaseFailure, CreatedWebhook> rotateWebhookSecret(Principal actor, long id);

  /**
   * Sends a {@code webhook.test} event to this webhook through the outbox and the worker, like any
   * notification (listed with the deliveries); returns the event's id. Fails with {@link
   * UseCaseFailure.NotFound} when there is no such webhook, {@link UseCaseFailure.Conflict} when it
   * is disabled.
   */
  Either<UseCaseFailure, Long> testWebhook(Principal actor, long id);

  /** What an edit of a webhook changes: each field present replaces the stored one. */
  record WebhookEdit(
      Option<String> url,
      Option<String> description,
      Option<Set<NotificationKind>> kinds,
      Option<Boolean> enabled) {}

  Either<UseCaseFailure, List<DeliveryReport>> listDeliveries(
      Principal actor, Option<DeliveryReport.State> state, int limit);
}
