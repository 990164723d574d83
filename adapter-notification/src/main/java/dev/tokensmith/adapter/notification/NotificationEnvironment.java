package dev.tokensmith.adapter.notification;

import io.vavr.control.Option;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The notification settings read from tokensmith's variables ({@code TOKENSMITH_SMTP_*} and {@code
 * TOKENSMITH_NOTIFICATION_*}, docs/notifications.md), the same for the service and for a service
 * embedding tokensmith, so that every instance sending notifications sends them alike. {@link
 * #toString()} never prints the SMTP password.
 *
 * @param smtp the SMTP server, or none: no e-mail
 * @param interval the time between two rounds of this instance's worker; zero: this instance sends
 *     nothing (another does)
 * @param maxAttempts attempts of a delivery before it is given up; none: the default
 * @param firstRetry the wait after the first failed attempt; none: the default
 */
public record NotificationEnvironment(
    Option<SmtpSettings> smtp,
    Duration interval,
    Option<Integer> maxAttempts,
    Option<Duration> firstRetry) {

  /** The default time between two rounds of the worker. */
  public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(10);

  /**
   * Reads the variables; each problem (a sentence naming the variable) goes to {@code problems}.
   */
  public static NotificationEnvironment read(Map<String, String> env, Consumer<String> problems) {
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
    Duration interval =
        Duration.ofSeconds(
            values.integer(
                "TOKENSMITH_NOTIFICATION_INTERVAL_SECONDS",
                (int) DEFAULT_INTERVAL.toSeconds(),
                0,
                3600));
    Option<Integer> maxAttempts =
        values.present("TOKENSMITH_NOTIFICATION_MAX_ATTEMPTS")
            ? Option.some(values.integer("TOKENSMITH_NOTIFICATION_MAX_ATTEMPTS", 8, 1, 100))
            : Option.none();
    Option<Duration> firstRetry =
        values.present("TOKENSMITH_NOTIFICATION_RETRY_SECONDS")
            ? Option.some(
                Duration.ofSeconds(
                    values.integer("TOKENSMITH_NOTIFICATION_RETRY_SECONDS", 30, 1, 86_400)))
            : Option.none();
    return new NotificationEnvironment(smtp, interval, maxAttempts, firstRetry);
  }

  /** A minimal reader of variables; problems go to the caller's list. */
  private record Values(Map<String, String> env, Consumer<String> problems) {
    Option<String> optional(String name) {
      return Option.of(env.get(name)).map(String::strip).filter(v -> !v.isEmpty());
    }

    boolean present(String name) {
      return optional(name).isDefined();
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
