package dev.tokensmith.bootstrap;

import dev.tokensmith.adapter.notification.SmtpSettings;
import dev.tokensmith.application.service.NotificationService;
import io.vavr.control.Option;
import java.time.Duration;
import java.util.Locale;
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
    Values values = new Values(env, problems);
    Option<SmtpSettings> smtp = Option.none();
    Option<String> host = values.optional("TOKENSMITH_SMTP_HOST");
    if (host.isDefined()) {
      String securityName =
          values
              .optional("TOKENSMITH_SMTP_SECURITY")
              .getOrElse("starttls")
              .toLowerCase(Locale.ROOT);
      SmtpSettings.Security security = SmtpSettings.Security.STARTTLS;
      switch (securityName) {
        case "none" -> security = SmtpSettings.Security.NONE;
        case "starttls" -> security = SmtpSettings.Security.STARTTLS;
        case "tls" -> security = SmtpSettings.Security.TLS;
        default ->
            problems.accept(
                "TOKENSMITH_SMTP_SECURITY must be none, starttls or tls, not '"
                    + securityName
                    + "'");
      }
      int defaultPort =
          switch (security) {
            case NONE -> 25;
            case STARTTLS -> 587;
            case TLS -> 465;
          };
      int port = values.integer("TOKENSMITH_SMTP_PORT", defaultPort, 1, 65535);
      Option<String> from = values.optional("TOKENSMITH_SMTP_FROM");
      if (from.isEmpty() || !from.get().contains("@")) {
        problems.accept(
            "TOKENSMITH_SMTP_FROM must be the sender's e-mail address when TOKENSMITH_SMTP_HOST is"
                + " set");
      }
      Option<String> username = values.optional("TOKENSMITH_SMTP_USERNAME");
      Option<String> password = values.optional("TOKENSMITH_SMTP_PASSWORD");
      if (password.isDefined() && username.isEmpty()) {
        problems.accept("TOKENSMITH_SMTP_PASSWORD needs TOKENSMITH_SMTP_USERNAME too");
      }
      smtp =
          Option.some(
              new SmtpSettings(
                  host.get(),
                  port,
                  security,
                  username,
                  password,
                  from.getOrElse("tokensmith@localhost"),
                  Duration.ofSeconds(10)));
    } else {
      values
          .optional("TOKENSMITH_SMTP_FROM")
          .forEach(
              from ->
                  problems.accept("TOKENSMITH_SMTP_FROM is set but TOKENSMITH_SMTP_HOST is not"));
    }
    NotificationService.Settings defaults = NotificationService.Settings.DEFAULT;
    Duration interval =
        Duration.ofSeconds(values.integer("TOKENSMITH_NOTIFICATION_INTERVAL_SECONDS", 10, 0, 3600));
    int maxAttempts =
        values.integer("TOKENSMITH_NOTIFICATION_MAX_ATTEMPTS", defaults.maxAttempts(), 1, 100);
    Duration firstRetry =
        Duration.ofSeconds(
            values.integer(
                "TOKENSMITH_NOTIFICATION_RETRY_SECONDS",
                (int) defaults.firstRetry().toSeconds(),
                1,
                86_400));
    Duration maxRetry =
        firstRetry.compareTo(defaults.maxRetry()) > 0 ? firstRetry : defaults.maxRetry();
    return new NotificationConfiguration(
        smtp,
        interval,
        new NotificationService.Settings(
            maxAttempts,
            firstRetry,
            maxRetry,
            defaults.lease(),
            defaults.batch(),
            defaults.expiryDays(),
            defaults.retention()),
        Duration.ofSeconds(10));
  }

  /** A minimal reader of variables; problems go to the configuration's list. */
  private record Values(Map<String, String> env, Consumer<String> problems) {
    Option<String> optional(String name) {
      return Option.of(env.get(name)).map(String::strip).filter(v -> !v.isEmpty());
    }

    int integer(String name, int fallback, int min, int max) {
      Option<String> value = optional(name);
      if (value.isEmpty()) {
        return fallback;
      }
      try {
        int parsed = Integer.parseInt(value.get());
        if (parsed < min || parsed > max) {
          problems.accept(name + " must be between " + min + " and " + max + ", not " + parsed);
          return fallback;
        }
        return parsed;
      } catch (NumberFormatException e) {
        problems.accept(name + " must be a whole number, not '" + value.get() + "'");
        return fallback;
      }
    }
  }
}
