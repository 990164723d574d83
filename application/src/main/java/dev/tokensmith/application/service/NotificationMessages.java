package dev.tokensmith.application.service;

import dev.tokensmith.application.port.out.MailSender.MailMessage;
import dev.tokensmith.application.port.out.Notice;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The texts of the notifications. A message names the token by its application (or login) and the
 * last characters of its id, never its value, and carries no link: it tells the reader to open My
 * account themselves (notices with a sign-in link are what phishing imitates).
 */
final class NotificationMessages {
  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  /** How many characters of the token id a message shows. */
  static final int ID_ENDING = 6;

  private NotificationMessages() {}

  /** {@code "my script" (token …Ab12Cd)}. */
  static String tokenName(Notice notice) {
    String id = notice.tokenId().text();
    String ending = "…" + id.substring(id.length() - ID_ENDING);
    String kind = notice.personal() ? "personal token" : "application token";
    return notice.label().isEmpty()
        ? "the " + kind + " " + ending
        : "the " + kind + " \"" + notice.label() + "\" (" + ending + ")";
  }

  static MailMessage mail(String to, String recipientLogin, Notice notice) {
    String token = tokenName(notice);
    String subject;
    String what;
    switch (notice.kind()) {
      case EXPIRY_COMING -> {
        String days = notice.detail();
        String expiry = notice.dueAt().map(WHEN::format).getOrElse("soon");
        subject = "Your token expires in " + days + (days.equals("1") ? " day" : " days");
        what =
            capitalized(token)
                + " expires on "
                + expiry
                + ". Refresh it or create a new one before then, or whatever uses it stops working.";
      }
      case TOKEN_CREATED -> {
        subject = "A token was created";
        what = capitalized(token) + " was created by " + notice.actor() + " on " + at(notice) + ".";
      }
      case TOKEN_REFRESHED -> {
        subject = "A token was refreshed";
        what =
            capitalized(token)
                + " was refreshed by "
                + notice.actor()
                + " on "
                + at(notice)
                + ": its previous value no longer works.";
      }
      case TOKEN_DELETED -> {
        subject = "A token was deleted";
        what =
            capitalized(token)
                + " was deleted by "
                + notice.actor()
                + " on "
                + at(notice)
                + ": it no longer works.";
      }
      case TOKEN_REVOKED -> {
        subject = "A token was revoked";
        what =
            capitalized(token)
                + " was revoked on "
                + at(notice)
                + " by someone who presented its value ("
                + notice.detail()
                + "): it no longer works. If you did not do this, the value had leaked.";
      }
      case NEW_ADDRESS -> {
        subject = "A token was used from a new address";
        what =
            capitalized(token)
                + " was used from "
                + notice.detail()
                + " for the first time on "
                + at(notice)
                + ". If this was not you or your automation, revoke or refresh it.";
      }
      case PROFILE_NOT_ALLOWED -> {
        subject = "A token was refused: its owner lost a profile";
        what =
            capitalized(token)
                + " was refused on "
                + at(notice)
                + " because its owner no longer holds a profile that may own personal tokens"
                + " (failure profile_not_allowed). An administrator can give the profile back.";
      }
      case WEBHOOK_TEST -> {
        subject = "A test notification";
        what = "This is a test sent by " + notice.actor() + " on " + at(notice) + ".";
      }
      case POLICY_DEADLINE -> {
        subject = "A token no longer fits the token policy";
        what =
            capitalized(token)
                + " no longer fits the token policy ("
                + policyReasons(notice.detail())
                + ") and stops working on "
                + policyDeadline(notice.detail())
                + ". Replace it with a token that fits before then.";
      }
      default -> throw new IllegalStateException("no text for " + notice.kind());
    }
    String body =
        "Hello "
            + recipientLogin
            + ",\n\n"
            + what
            + "\n\n"
            + "To see or manage your tokens, open My account in tokensmith as you usually do."
            + " This message has no link on purpose: never sign in from a link in a message"
            + " about your tokens.\n\n"
            + "You receive this because of your notification choices in My account ("
            + notice.kind().title()
            + ").\n";
    return new MailMessage(to, "tokensmith: " + subject, body);
  }

  /** The deadline of a policy-deadline detail, which reads {@code "<instant> <reason codes>"}. */
  static String policyDeadline(String detail) {
    int space = detail.indexOf(' ');
    return space < 0 ? detail : detail.substring(0, space);
  }

  /** The reason codes of a policy-deadline detail, space-separated. */
  static String policyReasons(String detail) {
    int space = detail.indexOf(' ');
    return space < 0 ? "" : detail.substring(space + 1).trim();
  }

  /** The Standard Webhooks payload: {@code {"type","timestamp","data":{…}}}. */
  static String webhookBody(Notice notice, Instant sentAt) {
    StringBuilder data = new StringBuilder();
    field(data, "eventId", Long.toString(notice.id()), false);
    field(data, "tokenId", notice.tokenId().text(), true);
    field(data, "tokenKind", notice.personal() ? "personal" : "application", true);
    field(data, "label", notice.label(), true);
    field(data, "owner", notice.ownerLogin(), true);
    field(data, "actor", notice.actor(), true);
    field(data, "occurredAt", notice.occurredAt().toString(), true);
    switch (notice.kind()) {
      case EXPIRY_COMING -> {
        field(data, "daysLeft", notice.detail(), false);
        notice.dueAt().forEach(due -> field(data, "expiresAt", due.toString(), true));
      }
      case NEW_ADDRESS -> field(data, "address", notice.detail(), true);
      case TOKEN_REVOKED -> field(data, "detail", notice.detail(), true);
      case POLICY_DEADLINE -> {
        field(data, "deadline", policyDeadline(notice.detail()), true);
        field(data, "reasons", policyReasons(notice.detail()), true);
      }
      default -> {
        // the common fields say it all
      }
    }
    return "{\"type\":"
        + quoted(notice.kind().code())
        + ",\"timestamp\":"
        + quoted(sentAt.toString())
        + ",\"data\":{"
        + data
        + "}}";
  }

  private static void field(StringBuilder json, String name, String value, boolean text) {
    if (json.length() > 0) {
      json.append(',');
    }
    json.append(quoted(name)).append(':').append(text ? quoted(value) : value);
  }

  static String quoted(String text) {
    StringBuilder out = new StringBuilder(text.length() + 2).append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20 || c == 0x2028 || c == 0x2029) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }

  private static String at(Notice notice) {
    return WHEN.format(notice.occurredAt());
  }

  private static String capitalized(String text) {
    return Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }
}
