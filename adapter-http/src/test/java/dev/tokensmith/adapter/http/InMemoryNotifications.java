package dev.tokensmith.adapter.http;

import dev.tokensmith.application.port.in.AdministerNotificationsUseCase;
import dev.tokensmith.application.port.in.ChooseNotificationsUseCase;
import dev.tokensmith.application.port.in.CreatedWebhook;
import dev.tokensmith.application.port.in.NotificationChoices;
import dev.tokensmith.application.port.in.UseCaseFailure;
import dev.tokensmith.domain.account.Principal;
import dev.tokensmith.domain.notification.DeliveryReport;
import dev.tokensmith.domain.notification.NotificationKind;
import dev.tokensmith.domain.notification.Webhook;
import dev.tokensmith.domain.notification.WebhookSecret;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The notification in-ports in memory, for the HTTP adapter's tests (the real ones run on
 * PostgreSQL in the bootstrap's tests): choices per login, webhooks in a list.
 */
final class InMemoryNotifications
    implements ChooseNotificationsUseCase, AdministerNotificationsUseCase {
  private final Map<String, Map<NotificationKind, Boolean>> choices = new ConcurrentHashMap<>();
  private final List<Webhook> webhooks = new ArrayList<>();

  static NotificationUseCases useCases() {
    InMemoryNotifications notifications = new InMemoryNotifications();
    return new NotificationUseCases(notifications, notifications);
  }

  private static Either<UseCaseFailure, Principal> admin(Principal actor) {
    return actor.isAdministrator()
        ? Either.right(actor)
        : Either.left(new UseCaseFailure.Forbidden("Only administrators may do this."));
  }

  @Override
  public Either<UseCaseFailure, NotificationChoices> myNotifications(Principal actor) {
    Map<NotificationKind, Boolean> mine = new EnumMap<>(NotificationKind.class);
    for (NotificationKind kind : NotificationKind.values()) {
      mine.put(kind, choices.getOrDefault(actor.login(), Map.of()).getOrDefault(kind, true));
    }
    return Either.right(new NotificationChoices(actor.login() + "@example.org", false, mine));
  }

  @Override
  public Either<UseCaseFailure, NotificationChoices> chooseNotifications(
      Principal actor, Map<NotificationKind, Boolean> chosen) {
    choices.put(actor.login(), Map.copyOf(chosen));
    return myNotifications(actor);
  }

  @Override
  public Either<UseCaseFailure, List<Webhook>> listWebhooks(Principal actor) {
    return admin(actor).map(a -> List.copyOf(webhooks));
  }

  @Override
  public synchronized Either<UseCaseFailure, CreatedWebhook> createWebhook(
      Principal actor, String url, String description, Set<NotificationKind> kinds) {
    return admin(actor)
        .map(
            a -> {
              Webhook webhook =
                  new Webhook(webhooks.size() + 1, url, description, kinds, Instant.EPOCH);
              webhooks.add(webhook);
              return new CreatedWebhook(
                  webhook, new WebhookSecret("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"));
            });
  }

  @Override
  public synchronized Either<UseCaseFailure, Long> deleteWebhook(Principal actor, long id) {
    return admin(actor)
        .flatMap(
            a ->
                webhooks.removeIf(w -> w.id() == id)
                    ? Either.right(id)
                    : Either.left(new UseCaseFailure.NotFound("There is no webhook " + id + ".")));
  }

  @Override
  public synchronized Either<UseCaseFailure, Webhook> editWebhook(
      Principal actor, long id, WebhookEdit edit) {
    return admin(actor)
        .flatMap(a -> find(id))
        .map(
            w -> {
              Webhook edited =
                  new Webhook(
                      w.id(),
                      edit.url().getOrElse(w.url()),
                      edit.description().getOrElse(w.description()),
                      edit.kinds().getOrElse(w.kinds()),
                      w.createdAt(),
                      edit.enabled().getOrElse(w.enabled()));
              webhooks.set(webhooks.indexOf(w), edited);
              return edited;
            });
  }

  @Override
  public synchronized Either<UseCaseFailure, CreatedWebhook> rotateWebhookSecret(
      Principal actor, long id) {
    return admin(actor)
        .flatMap(a -> find(id))
        .map(w -> new CreatedWebhook(w, new WebhookSecret("whsec_cm90YXRlZCBzZWNyZXQ=")));
  }

  @Override
  public synchronized Either<UseCaseFailure, Long> testWebhook(Principal actor, long id) {
    return admin(actor).flatMap(a -> find(id)).map(w -> 1L);
  }

  private Either<UseCaseFailure, Webhook> find(long id) {
    return Option.ofOptional(webhooks.stream().filter(w -> w.id() == id).findFirst())
        .toEither(() -> new UseCaseFailure.NotFound("There is no webhook " + id + "."));
  }

  @Override
  public Either<UseCaseFailure, List<DeliveryReport>> listDeliveries(
      Principal actor, Option<DeliveryReport.State> state, int limit) {
    return admin(actor).map(a -> List.of());
  }
}
