package dev.tokensmith.application.service;

import dev.tokensmith.application.port.in.AdministerNotificationsUseCase;
import dev.tokensmith.application.port.in.AdministerNotificationsUseCase.WebhookEdit;
import dev.tokensmith.application.port.in.ChooseNotificationsUseCase;
import dev.tokensmith.application.port.in.CreatedWebhook;
import dev.tokensmith.application.port.in.DeliverNotificationsUseCase;
import dev.tokensmith.application.port.in.NotificationChoices;
import dev.tokensmith.application.port.in.UseCaseFailure;
import dev.tokensmith.application.port.out.AccountDirectory;
import dev.tokensmith.application.port.out.Delivery;
import dev.tokensmith.application.port.out.MailSender;
import dev.tokensmith.application.port.out.NotificationStore;
import dev.tokensmith.application.port.out.RandomBytes;
import dev.tokensmith.application.port.out.WebhookSender;
import dev.tokensmith.domain.account.Principal;
import dev.tokensmith.domain.account.User;
import dev.tokensmith.domain.notification.DeliveryReport;
import dev.tokensmith.domain.notification.NotificationKind;
import dev.tokensmith.domain.notification.Webhook;
import dev.tokensmith.domain.notification.WebhookSecret;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Lifecycle notifications: the worker's rounds (expiry warnings, fan-out, sending with retries and
 * backoff), the administrators' webhooks and delivery list, and each user's choices. Nothing here
 * runs on a request that authenticates a token.
 */
public final class NotificationService
    implements DeliverNotificationsUseCase,
        AdministerNotificationsUseCase,
        ChooseNotificationsUseCase {
  /** The shortest time between two expiry scans of this instance. */
  static final Duration EXPIRY_SCAN_INTERVAL = Duration.ofMinutes(5);

  /** How many deliveries a round claims at once. */
  static final int CLAIM = 10;

  /** The longest outcome kept with a delivery. */
  static final int MAX_OUTCOME = 300;

  static final int MAX_URL = 2000;
  static final int MAX_DESCRIPTION = 255;

  /**
   * How notifications are sent.
   *
   * @param maxAttempts a delivery is given up after this many failed attempts
   * @param firstRetry the wait after the first failure; it doubles after each further one
   * @param maxRetry the longest wait between two attempts
   * @param lease how long a claimed delivery stays this instance's (longer than a send can take)
   * @param batch at most this many events fanned out and deliveries sent per round
   * @param expiryDays the days before an expiry a warning is sent
   * @param retention how long finished deliveries (and their events) stay visible
   */
  public record Settings(
      int maxAttempts,
      Duration firstRetry,
      Duration maxRetry,
      Duration lease,
      int batch,
      List<Integer> expiryDays,
      Duration retention) {
    public static final Settings DEFAULT =
        new Settings(
            8,
            Duration.ofSeconds(30),
            Duration.ofHours(6),
            Duration.ofMinutes(2),
            100,
            List.of(30, 7, 1),
            Duration.ofDays(30));

    public Settings {
      if (maxAttempts < 1) {
        throw new IllegalArgumentException("at least one attempt");
      }
      Objects.requireNonNull(firstRetry, "firstRetry");
      Objects.requireNonNull(maxRetry, "maxRetry");
      Objects.requireNonNull(lease, "lease");
      if (batch < 1) {
        throw new IllegalArgumentException("a batch of at least one");
      }
      expiryDays = List.copyOf(expiryDays);
      Objects.requireNonNull(retention, "retention");
    }

    /** The wait after failed attempt number {@code attempt} (1 for the first). */
    Duration retryAfter(int attempt) {
      Duration wait = firstRetry;
      for (int i = 1; i < attempt && wait.compareTo(maxRetry) < 0; i++) {
        wait = wait.multipliedBy(2);
      }
      return wait.compareTo(maxRetry) < 0 ? wait : maxRetry;
    }
  }

  private final NotificationStore store;
  private final AccountDirectory accounts;
  private final Option<MailSender> mail;
  private final WebhookSender webhooks;
  private final RandomBytes random;
  private final Clock clock;
  private final Settings settings;
  private final AtomicReference<Instant> lastExpiryScan = new AtomicReference<>();

  public NotificationService(
      NotificationStore store,
      AccountDirectory accounts,
      Option<MailSender> mail,
      WebhookSender webhooks,
      RandomBytes random,
      Clock clock,
      Settings settings) {
    this.store = Objects.requireNonNull(store, "store");
    this.accounts = Objects.requireNonNull(accounts, "accounts");
    this.mail = Objects.requireNonNull(mail, "mail");
    this.webhooks = Objects.requireNonNull(webhooks, "webhooks");
    this.random = Objects.requireNonNull(random, "random");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  @Override
  public Round deliverDue() {
    Instant now = clock.instant();
    int warnings = 0;
    Instant last = lastExpiryScan.get();
    // the scan reads every token expiring within 30 days: warnings count in days, so every few
    // minutes is often enough (this instance's memory only spaces the scans; repeating one adds
    // nothing)
    if ((last == null || !now.isBefore(last.plus(EXPIRY_SCAN_INTERVAL)) || now.isBefore(last))
        && lastExpiryScan.compareAndSet(last, now)) {
      warnings = store.addExpiryWarnings(now, settings.expiryDays());
    }
    int fanned = 0;
    int round;
    do {
      round = store.fanOut(now, mail.isDefined(), settings.batch());
      fanned += round;
    } while (round == settings.batch());
    int sent = 0;
    int failed = 0;
    // claims a few at a time, so that a slow receiver cannot hold claimed deliveries past their
    // lease (CLAIM of them at most 10 s each stays well within 2 minutes)
    List<Delivery> claimed;
    do {
      Instant at = clock.instant();
      claimed = store.claimDue(at, at.plus(settings.lease()), CLAIM);
      for (Delivery delivery : claimed) {
        if (send(delivery)) {
          sent++;
        } else {
          failed++;
        }
      }
    } while (claimed.size() == CLAIM && sent + failed < settings.batch());
    store.prune(now.minus(settings.retention()), settings.batch() * 10);
    return new Round(warnings, fanned, sent, failed);
  }

  /** Sends one claimed delivery and records its outcome; true when it was delivered. */
  private boolean send(Delivery delivery) {
    Instant at = clock.instant();
    String failure;
    try {
      failure =
          switch (delivery.channel()) {
            case EMAIL -> sendMail(delivery);
            case WEBHOOK -> sendWebhook(delivery, at);
          };
    } catch (RuntimeException e) {
      // the senders' messages name the fault and never a secret (no token value is in a notice)
      failure = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
    if (failure == null) {
      store.delivered(
          delivery.id(),
          at,
          delivery.channel() == DeliveryReport.Channel.EMAIL ? "sent" : "delivered");
      return true;
    }
    boolean last =
        delivery.attempt() >= settings.maxAttempts()
            || delivery.secret().isEmpty() && delivery.channel() == DeliveryReport.Channel.WEBHOOK;
    Option<Instant> retryAt =
        last ? Option.none() : Option.some(at.plus(settings.retryAfter(delivery.attempt())));
    store.failed(delivery.id(), at, shortened(failure), retryAt);
    return false;
  }

  /** Null when sent, else why not. */
  private String sendMail(Delivery delivery) {
    if (mail.isEmpty()) {
      return "e-mail is not configured (TOKENSMITH_SMTP_HOST)";
    }
    mail.get()
        .send(
            NotificationMessages.mail(delivery.address(), delivery.recipient(), delivery.notice()));
    return null;
  }

  private String sendWebhook(Delivery delivery, Instant at) {
    if (delivery.secret().isEmpty()) {
      return "the webhook was removed";
    }
    String body = NotificationMessages.webhookBody(delivery.notice(), at);
    int status =
        webhooks.post(
            delivery.address(),
            delivery.secret().get(),
            "msg_" + delivery.notice().id(),
            at.getEpochSecond(),
            body);
    return status >= 200 && status < 300 ? null : "HTTP " + status;
  }

  private static String shortened(String outcome) {
    return outcome.length() <= MAX_OUTCOME ? outcome : outcome.substring(0, MAX_OUTCOME) + "…";
  }

  @Override
  public Either<UseCaseFailure, List<Webhook>> listWebhooks(Principal actor) {
    return TokenAccess.administrator(actor).map(admin -> store.webhooks());
  }

  @Override
  public Either<UseCaseFailure, CreatedWebhook> createWebhook(
      Principal actor, String url, String description, Set<NotificationKind> kinds) {
    return TokenAccess.administrator(actor)
        .flatMap(admin -> webhookUrl(url))
        .flatMap(
            checked -> {
              String text = description == null ? "" : description.strip();
              if (text.length() > MAX_DESCRIPTION) {
                return Either.left(
                    new UseCaseFailure.InvalidInput(
                        "description",
                        "The description has at most " + MAX_DESCRIPTION + " characters."));
              }
              WebhookSecret secret = newSecret();
              Webhook webhook = store.addWebhook(checked, text, kinds, secret, clock.instant());
              return Either.right(new CreatedWebhook(webhook, secret));
            });
  }

  private static Either<UseCaseFailure, String> webhookUrl(String url) {
    String field = "url";
    if (url == null || url.isBlank()) {
      return Either.left(new UseCaseFailure.InvalidInput(field, "The webhook URL is required."));
    }
    if (url.length() > MAX_URL) {
      return Either.left(
          new UseCaseFailure.InvalidInput(
              field, "The webhook URL has at most " + MAX_URL + " characters."));
    }
    try {
      URI uri = new URI(url.strip());
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
      if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
        return Either.left(
            new UseCaseFailure.InvalidInput(
                field, "The webhook URL must be an http:// or https:// URL with a host."));
      }
      if (uri.getUserInfo() != null) {
        return Either.left(
            new UseCaseFailure.InvalidInput(
                field, "The webhook URL must not carry a user name or password."));
      }
      return Either.right(uri.toString());
    } catch (URISyntaxException e) {
      return Either.left(
          new UseCaseFailure.InvalidInput(field, "The webhook URL is not a valid URL."));
    }
  }

  @Override
  public Either<UseCaseFailure, Long> deleteWebhook(Principal actor, long id) {
    return TokenAccess.administrator(actor)
        .flatMap(
            admin ->
                store.removeWebhook(id, clock.instant())
                    ? Either.<UseCaseFailure, Long>right(id)
                    : Either.left(new UseCaseFailure.NotFound("There is no webhook " + id + ".")));
  }

  @Override
  public Either<UseCaseFailure, Webhook> editWebhook(Principal actor, long id, WebhookEdit edit) {
    Either<UseCaseFailure, Principal> admin = TokenAccess.administrator(actor);
    if (admin.isLeft()) {
      return Either.left(admin.getLeft());
    }
    Option<Webhook> current = webhook(id);
    if (current.isEmpty()) {
      return Either.left(noWebhook(id));
    }
    String url = current.get().url();
    if (edit.url().isDefined()) {
      Either<UseCaseFailure, String> checked = webhookUrl(edit.url().get());
      if (checked.isLeft()) {
        return Either.left(checked.getLeft());
      }
      url = checked.get();
    }
    String description =
        edit.description().map(String::strip).getOrElse(current.get().description());
    if (description.length() > MAX_DESCRIPTION) {
      return Either.left(
          new UseCaseFailure.InvalidInput(
              "description", "The description has at most " + MAX_DESCRIPTION + " characters."));
    }
    return store
        .updateWebhook(
            id,
            url,
            description,
            edit.kinds().getOrElse(current.get().kinds()),
            edit.enabled().getOrElse(current.get().enabled()))
        .toEither(() -> noWebhook(id));
  }

  @Override
  public Either<UseCaseFailure, CreatedWebhook> rotateWebhookSecret(Principal actor, long id) {
    return TokenAccess.administrator(actor)
        .flatMap(
            admin -> {
              Option<Webhook> webhook = webhook(id);
              if (webhook.isEmpty()) {
                return Either.left(noWebhook(id));
              }
              WebhookSecret secret = newSecret();
              return store.replaceWebhookSecret(id, secret)
                  ? Either.right(new CreatedWebhook(webhook.get(), secret))
                  : Either.left(noWebhook(id));
            });
  }

  @Override
  public Either<UseCaseFailure, Long> testWebhook(Principal actor, long id) {
    return TokenAccess.administrator(actor)
        .flatMap(
            admin -> {
              Option<Webhook> webhook = webhook(id);
              if (webhook.isEmpty()) {
                return Either.left(noWebhook(id));
              }
              if (!webhook.get().enabled()) {
                return Either.left(
                    new UseCaseFailure.Conflict(
                        "enabled", "The webhook is disabled: enable it to send it a test."));
              }
              return store
                  .addTestDelivery(id, admin.login(), clock.instant())
                  .toEither(() -> noWebhook(id));
            });
  }

  /** The webhook {@code id}, if there is one. */
  private Option<Webhook> webhook(long id) {
    return Option.ofOptional(store.webhooks().stream().filter(w -> w.id() == id).findFirst());
  }

  private static UseCaseFailure noWebhook(long id) {
    return new UseCaseFailure.NotFound("There is no webhook " + id + ".");
  }

  private WebhookSecret newSecret() {
    return new WebhookSecret(
        WebhookSecret.PREFIX + Base64.getEncoder().encodeToString(random.next(32)));
  }

  @Override
  public Either<UseCaseFailure, List<DeliveryReport>> listDeliveries(
      Principal actor, Option<DeliveryReport.State> state, int limit) {
    return TokenAccess.administrator(actor)
        .map(admin -> store.deliveries(state, Math.max(1, Math.min(limit, 500))));
  }

  @Override
  public Either<UseCaseFailure, NotificationChoices> myNotifications(Principal actor) {
    return user(actor).map(this::choicesOf);
  }

  @Override
  public Either<UseCaseFailure, NotificationChoices> chooseNotifications(
      Principal actor, Map<NotificationKind, Boolean> choices) {
    return user(actor)
        .map(
            user -> {
              Set<NotificationKind> muted = EnumSet.noneOf(NotificationKind.class);
              muted.addAll(store.muted(user.login()));
              choices.forEach(
                  (kind, on) -> {
                    if (on) {
                      muted.remove(kind);
                    } else {
                      muted.add(kind);
                    }
                  });
              store.mute(user.login(), muted);
              return choicesOf(user);
            });
  }

  private NotificationChoices choicesOf(User user) {
    Set<NotificationKind> muted = store.muted(user.login());
    Map<NotificationKind, Boolean> kinds = new EnumMap<>(NotificationKind.class);
    for (NotificationKind kind : NotificationKind.values()) {
      if (kind.isOwnersChoice()) {
        kinds.put(kind, !muted.contains(kind));
      }
    }
    return new NotificationChoices(user.contact().email(), mail.isDefined(), kinds);
  }

  private Either<UseCaseFailure, User> user(Principal actor) {
    Option<User> user = actor.userId().flatMap(accounts::user);
    return user.isDefined()
        ? Either.right(user.get())
        : Either.left(
            new UseCaseFailure.Forbidden(
                "Only users choose notifications; an application token has no mailbox."));
  }
}
