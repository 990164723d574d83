package dev.tokensmith.adapter.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.tokensmith.application.port.out.MailSender.MailMessage;
import io.vavr.control.Option;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SmtpMailSenderTest {
  private GreenMail smtp;

  @BeforeEach
  void start() {
    smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    smtp.start();
  }

  @AfterEach
  void stop() {
    smtp.stop();
  }

  private SmtpSettings settings(Option<String> user, Option<String> password) {
    return new SmtpSettings(
        "127.0.0.1",
        smtp.getSmtp().getPort(),
        SmtpSettings.Security.NONE,
        user,
        password,
        "tokensmith@example.org",
        Duration.ofSeconds(30)); // generous: the test machine may be loaded
  }

  @Test
  void aPlainTextMessageArrivesWithItsUtf8SubjectAndBody() throws Exception {
    new SmtpMailSender(settings(Option.none(), Option.none()))
        .send(
            new MailMessage(
                "zoe@example.org", "tokensmith: jeton « nightly » créé", "Bonjour Zoë,\n…\n"));

    MimeMessage[] received = smtp.getReceivedMessages();
    assertThat(received).hasSize(1);
    assertThat(received[0].getSubject()).isEqualTo("tokensmith: jeton « nightly » créé");
    assertThat(received[0].getFrom()[0].toString()).isEqualTo("tokensmith@example.org");
    assertThat(received[0].getAllRecipients()[0].toString()).isEqualTo("zoe@example.org");
    assertThat(received[0].getContent().toString().replace("\r\n", "\n").strip())
        .isEqualTo("Bonjour Zoë,\n…");
  }

  @Test
  void itSignsInWhenAUserIsConfiguredAndSaysWhenTheServerRefuses() {
    smtp.setUser("tokensmith", "the right smtp password");
    new SmtpMailSender(settings(Option.some("tokensmith"), Option.some("the right smtp password")))
        .send(new MailMessage("a@example.org", "s", "b"));
    assertThat(smtp.getReceivedMessages()).hasSize(1);

    SmtpMailSender wrong =
        new SmtpMailSender(
            settings(Option.some("tokensmith"), Option.some("a wrong smtp password")));
    assertThatThrownBy(() -> wrong.send(new MailMessage("a@example.org", "s", "b")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("the SMTP server did not take the message")
        .hasMessageNotContaining("a wrong smtp password");
  }

  @Test
  void theSettingsNeverPrintThePassword() {
    assertThat(
            settings(Option.some("tokensmith"), Option.some("the right smtp password")).toString())
        .contains("tokensmith")
        .contains("(redacted)")
        .doesNotContain("the right smtp password");
  }
}
