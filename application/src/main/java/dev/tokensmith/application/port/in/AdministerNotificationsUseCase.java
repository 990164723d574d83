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

  Either<UseCaseFailure, List<DeliveryReport>> listDeliveries(
      Principal actor, Option<DeliveryReport.State> state, int limit);
}
