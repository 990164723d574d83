package dev.tokensmith.adapter.notification;

import io.vavr.control.Option;
import java.time.Duration;
import java.util.Objects;

/**
 * Where and how e-mail is sent: the SMTP server, its security ({@link Security}), an optional login
 * and the sender address. {@link #toString()} never prints the password.
 */
public record SmtpSettings(
    String host,
    int port,
    Security security,
    Option<String> username,
    Option<String> password,
    String from,
    Duration timeout) {
  /** How the connection to the SMTP server is protected. */
  public enum Security {
    /** Plain SMTP (a relay on the same host or network). */
    NONE,
    /** STARTTLS is required (port 587). */
    STARTTLS,
    /** TLS from the first byte (port 465). */
    TLS
  }

  public SmtpSettings {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(security, "security");
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(password, "password");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(timeout, "timeout");
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("an SMTP port is between 1 and 65535");
    }
  }

  @Override
  public String toString() {
    return "SmtpSettings[host="
        + host
        + ", port="
        + port
        + ", security="
        + security
        + ", username="
        + username.getOrElse("(none)")
        + ", password="
        + (password.isDefined() ? "(redacted)" : "(none)")
        + ", from="
        + from
        + "]";
  }
}
