package dev.tokensmith.adapter.notification;

import dev.tokensmith.application.port.out.MailSender;
import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Properties;

/** {@link MailSender} over SMTP with Jakarta Mail: plain-text UTF-8 messages, bounded timeouts. */
public final class SmtpMailSender implements MailSender {
  private final Session session;
  private final InternetAddress from;

  public SmtpMailSender(SmtpSettings settings) {
    Properties properties = new Properties();
    String protocol = settings.security() == SmtpSettings.Security.TLS ? "smtps" : "smtp";
    String prefix = "mail." + protocol + ".";
    properties.put("mail.transport.protocol", protocol);
    properties.put(prefix + "host", settings.host());
    properties.put(prefix + "port", Integer.toString(settings.port()));
    String millis = Long.toString(settings.timeout().toMillis());
    properties.put(prefix + "connectiontimeout", millis);
    properties.put(prefix + "timeout", millis);
    properties.put(prefix + "writetimeout", millis);
    if (settings.security() == SmtpSettings.Security.STARTTLS) {
      properties.put(prefix + "starttls.enable", "true");
      properties.put(prefix + "starttls.required", "true");
    }
    if (settings.security() != SmtpSettings.Security.NONE) {
      properties.put(prefix + "ssl.checkserveridentity", "true");
    }
    Authenticator authenticator = null;
    if (settings.username().isDefined()) {
      properties.put(prefix + "auth", "true");
      String user = settings.username().get();
      String password = settings.password().getOrElse("");
      authenticator =
          new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
              return new PasswordAuthentication(user, password);
            }
          };
    }
    this.session = Session.getInstance(properties, authenticator);
    try {
      this.from = new InternetAddress(settings.from(), true);
    } catch (MessagingException e) {
      throw new IllegalArgumentException("not an e-mail address: " + settings.from(), e);
    }
  }

  @Override
  public void send(MailMessage message) {
    try {
      MimeMessage mime = new MimeMessage(session);
      mime.setFrom(from);
      mime.setRecipients(Message.RecipientType.TO, InternetAddress.parse(message.to(), true));
      mime.setSubject(message.subject(), StandardCharsets.UTF_8.name());
      mime.setText(message.body(), StandardCharsets.UTF_8.name());
      mime.setSentDate(new Date());
      Transport.send(mime);
    } catch (MessagingException e) {
      throw new IllegalStateException(
          "the SMTP server did not take the message: " + e.getMessage(), e);
    }
  }
}
