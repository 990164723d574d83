package dev.tokensmith.adapter.http;

import static dev.tokensmith.adapter.http.Access.SESSION_OR_REST_TOKEN;

import dev.tokensmith.adapter.http.view.CreatedWebhookView;
import dev.tokensmith.adapter.http.view.DeliveryView;
import dev.tokensmith.adapter.http.view.NotificationChoicesView;
import dev.tokensmith.adapter.http.view.WebhookView;
import dev.tokensmith.application.port.in.AdministerNotificationsUseCase;
import dev.tokensmith.domain.account.Principal;
import dev.tokensmith.domain.notification.DeliveryReport;
import dev.tokensmith.domain.notification.NotificationKind;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.vavr.control.Option;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Lifecycle notifications: my choices ({@code /api/v1/me/notifications}), the administrators'
 * webhooks ({@code /api/v1/admin/webhooks[/{id}]}) and deliveries ({@code
 * /api/v1/admin/notification-deliveries}).
 */
final class NotificationsController {
  private static final Set<String> CHOICE_FIELDS = Set.of("enabled");
  private static final Set<String> WEBHOOK_FIELDS = Set.of("url", "description", "events");
  private static final Set<String> WEBHOOK_EDIT_FIELDS =
      Set.of("url", "description", "events", "enabled");
  static final int DEFAULT_DELIVERIES = 100;
  static final int MAX_DELIVERIES = 500;

  private final NotificationUseCases useCases;
  private final RequestReader reader;

  NotificationsController(NotificationUseCases useCases, RequestReader reader) {
    this.useCases = useCases;
    this.reader = reader;
  }

  static void register(RoutesConfig routes, NotificationsController controller) {
    routes.get("/api/v1/me/notifications", controller::mine, SESSION_OR_REST_TOKEN);
    routes.put("/api/v1/me/notifications", controller::choose, SESSION_OR_REST_TOKEN);
    routes.get("/api/v1/admin/webhooks", controller::webhooks, SESSION_OR_REST_TOKEN);
    routes.post("/api/v1/admin/webhooks", controller::createWebhook, SESSION_OR_REST_TOKEN);
    routes.delete("/api/v1/admin/webhooks/{id}", controller::deleteWebhook, SESSION_OR_REST_TOKEN);
    routes.patch("/api/v1/admin/webhooks/{id}", controller::editWebhook, SESSION_OR_REST_TOKEN);
    routes.post(
        "/api/v1/admin/webhooks/{id}/rotate-secret",
        controller::rotateWebhookSecret,
        SESSION_OR_REST_TOKEN);
    routes.post("/api/v1/admin/webhooks/{id}/test", controller::testWebhook, SESSION_OR_REST_TOKEN);
    routes.get(
        "/api/v1/admin/notification-deliveries", controller::deliveries, SESSION_OR_REST_TOKEN);
  }

  void mine(Context ctx) {
    ctx.json(
        NotificationChoicesView.from(
            UseCaseFailed.orThrow(useCases.choose().myNotifications(Caller.of(ctx).principal()))));
  }

  void choose(Context ctx) {
    Principal actor = Caller.of(ctx).principal();
    Set<NotificationKind> enabled =
        kinds("enabled", reader.json(ctx, CHOICE_FIELDS).requiredTexts("enabled"));
    Map<NotificationKind, Boolean> choices = new EnumMap<>(NotificationKind.class);
    for (NotificationKind kind : NotificationKind.values()) {
      if (kind.isOwnersChoice()) {
        choices.put(kind, enabled.contains(kind));
      }
    }
    ctx.json(
        NotificationChoicesView.from(
            UseCaseFailed.orThrow(useCases.choose().chooseNotifications(actor, choices))));
  }

  void webhooks(Context ctx) {
    Principal admin = Caller.of(ctx).administrator();
    ctx.json(
        UseCaseFailed.orThrow(useCases.administer().listWebhooks(admin)).stream()
            .map(WebhookView::from)
            .toList());
  }

  void createWebhook(Context ctx) {
    Principal admin = Caller.of(ctx).administrator();
    JsonFields body = reader.json(ctx, WEBHOOK_FIELDS);
    Set<NotificationKind> kinds =
        body.texts("events").map(codes -> kinds("events", codes)).getOrElse(Set.of());
    ctx.status(201)
        .json(
            CreatedWebhookView.from(
                UseCaseFailed.orThrow(
                    useCases
                        .administer()
                        .createWebhook(
                            admin,
                            body.requiredText("url"),
                            body.text("description").getOrElse(""),
                            kinds))));
  }

  void deleteWebhook(Context ctx) {
    Principal admin = Caller.of(ctx).administrator();
    UseCaseFailed.orThrow(useCases.administer().deleteWebhook(admin, webhookId(ctx)));
    ctx.status(204);
  }

  void editWebhook(Context ctx) {
    Principal admin = Caller.of(ctx).administrator();
    long id = webhookId(ctx);
    JsonFields body = reader.json(ctx, WEBHOOK_EDIT_FIELDS);
    AdministerNotificationsUseCase.WebhookEdit edit =
        new AdministerNotificationsUseCase.WebhookEdit(
            body.text("url"),
            body.text("description"),
            body.texts("events").map(codes -> kinds("events", codes)),
            body.bool("enabled"));
    ctx.json(
        WebhookView.from(
            UseCaseFailed.orThrow(useCases.administer().editWebhook(admin, id, edit))));
  }

  void rotateWebhookSecret(Context ctx) {
    Principal admin = Caller.of(ctx).administrator();
    ctx.json(
        CreatedWebhookView.from(
            UseCaseFailed.orThrow(
                useCases.administer().rotateWebhookSecret(admin, webhookId(ctx)))));
  }

  void testWebhook(Context ctx) {
    Principal admin = Caller.of(ctx).administrator();
    long eventId = UseCaseFailed.orThrow(useCases.administer().testWebhook(admin, webhookId(ctx)));
    ctx.status(202).json(Map.of("eventId", eventId));
  }

  private static long webhookId(Context ctx) {
    String text = ctx.pathParam("id");
    if (text.isEmpty() || text.length() > 18 || !text.chars().allMatch(Character::isDigit)) {
      throw UseCaseFailed.invalidInput("id", "id must be a webhook's number, as listed");
    }
    return Long.parseLong(text);
  }

  void deliveries(Context ctx) {
    Principal admin = Caller.of(ctx).administrator();
    int limit =
        RequestReader.wholeNumber(ctx, "limit", 1, MAX_DELIVERIES).getOrElse(DEFAULT_DELIVERIES);
    Option<DeliveryReport.State> state =
        RequestReader.text(ctx, "state").map(NotificationsController::state);
    List<DeliveryView> views =
        UseCaseFailed.orThrow(useCases.administer().listDeliveries(admin, state, limit)).stream()
            .map(DeliveryView::from)
            .toList();
    ctx.json(views);
  }

  private static DeliveryReport.State state(String name) {
    return Arrays.stream(DeliveryReport.State.values())
        .filter(s -> s.name().toLowerCase(Locale.ROOT).equals(name))
        .findFirst()
        .orElseThrow(
            () ->
                UseCaseFailed.invalidInput(
                    "state", "state must be one of pending, sending, delivered, given_up"));
  }

  private static Set<NotificationKind> kinds(String field, Set<String> codes) {
    Set<NotificationKind> kinds = EnumSet.noneOf(NotificationKind.class);
    for (String code : codes) {
      kinds.add(
          NotificationKind.ofCode(code)
              .filter(NotificationKind::isOwnersChoice)
              .getOrElseThrow(
                  () ->
                      UseCaseFailed.invalidInput(
                          field,
                          field
                              + " must name events among "
                              + Arrays.stream(NotificationKind.values())
                                  .filter(NotificationKind::isOwnersChoice)
                                  .map(NotificationKind::code)
                                  .collect(Collectors.joining(", "))
                              + ", not '"
                              + code
                              + "'")));
    }
    return kinds;
  }
}
