package dev.tokensmith.application.port.out;

/** Sends e-mail (SMTP); throws when the server did not take the message. */
public interface MailSender {
  void send(MailMessage message);

  /** A plain-text message to one address. */
  record MailMessage(String to, String subject, String body) {}
}
