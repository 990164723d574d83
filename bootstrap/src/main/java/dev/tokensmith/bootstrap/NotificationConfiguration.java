package dev.tokensmith.bootstrap;

import dev.tokensmith.adapter.notification.NotificationEnvironment;
import dev.tokensmith.adapter.notification.SmtpSettings;
import dev.tokensmith.application.service.NotificationService;
import io.vavr.control.Option;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The settings of lifecycle notifications (docs/notifications.md): e-mail over SMTP, on only when
 * {@code TOKENSMITH_SMTP_HOST} is set, and how the worker sends and retries. {@link #toString()}
 * never prints the SMTP password.
 *
 * @param smtp the SMTP server, or none: no e-mail
 * @param interval the time between two rounds of this instance's worker; zero: this instance sends
 *     nothing (another does)
 * @param sending how deliveries are retried
 * @param webhookTimeout the longest a webhook may take to answer
 */
public record NotificationConfiguration(
    Option<SmtpSettings> smtp,
    Duration interval,
    NotificationService.Settings sending,
    Duration webhookTimeout) {

  public static final NotificationConfiguration DEFAULT =
      new NotificationConfiguration(
          Option.none(),
          Duration.ofSeconds(10),
          NotificationService.Settings.DEFAULT,
          Duration.ofSeconds(10));

  /** Reads the {@code TOKENSMITH_SMTP_*} and {@code TOKENSMITH_NOTIFICATION_*} variables. */
  static NotificationConfiguration read(Map<String, String> env, Consumer<String> problems) {
    NotificationEnvironment read = NotificationEnvironment.read(env, problems);
    NotificationService.Settings defaults = NotificationService.Settings.DEFAULT;
    Duration firstRetry = read.firstRetry().getOrElse(defaults.firstRetry());
    Duration maxRetry =
        firstRetry.compareTo(defaults.maxRetry()) > 0 ? firstRetry : defaults.maxRetry();
    return new NotificationConfiguration(
        read.smtp(),
        read.interval(),
        new NotificationService.Settings(
            read.maxAttempts().getOrElse(defaults.maxAttempts()),
            firstRetry,
            maxRetry,
            defaults.lease(),
            defaults.batch(),
            defaults.expiryDays(),
            defaults.retention()),
        Duration.ofSeconds(10));
  }
}
