package dev.tokensmith.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokensmith.application.port.out.AuditEvent;
import dev.tokensmith.application.port.out.AuditNotifications;
import dev.tokensmith.application.port.out.MailSender.MailMessage;
import dev.tokensmith.application.port.out.Notice;
import dev.tokensmith.domain.notification.NotificationKind;
import dev.tokensmith.domain.notification.WebhookSecret;
import dev.tokensmith.domain.token.TokenId;
import io.vavr.control.Option;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class NotificationMessagesTest {
  private static final TokenId ID =
      TokenId.of(java.util.UUID.fromString("6f1c7a52-1d7e-4f5e-9a55-0c2b3e9d1a77"));
  private static final Instant AT = Instant.parse("2026-06-01T08:00:00Z");

  private static Notice notice(NotificationKind kind, String detail) {
    return new Notice(
        42,
        kind,
        ID,
        true,
        "alice",
        "nightly \"backup\"",
        AT,
        "bob",
        detail,
        kind == NotificationKind.EXPIRY_COMING
            ? Option.some(AT.plus(Duration.ofDays(7)))
            : Option.none());
  }

  @Test
  void everyKindHasAMessageThatNamesTheTokenAndCarriesNoLink() {
    for (NotificationKind kind : NotificationKind.values()) {
      if (!kind.isOwnersChoice()) {
        continue; // a webhook test names no token and is never mailed
      }
      String detail =
          switch (kind) {
            case EXPIRY_COMING -> "7";
            case NEW_ADDRESS -> "192.0.2.7";
            case TOKEN_REVOKED -> "revoked by value from 192.0.2.9";
            case POLICY_DEADLINE -> "2026-07-01T00:00:00Z no_expiry";
            default -> "";
          };
      MailMessage mail =
          NotificationMessages.mail("alice@example.org", "alice", notice(kind, detail));
      String ending = ID.text().substring(ID.text().length() - 6);
      assertThat(mail.to()).isEqualTo("alice@example.org");
      assertThat(mail.subject()).as(kind.name()).startsWith("tokensmith: ");
      assertThat(mail.body())
          .as(kind.name())
          .startsWith("Hello alice,")
          .contains("\"nightly \"backup\"\" (…" + ending + ")")
          .contains("open My account")
          .contains(kind.title())
          .doesNotContain("http")
          .doesNotContain("://");
      if (!detail.isEmpty()) {
        assertThat(mail.body()).as(kind.name()).contains(detail.substring(0, 1));
      }
    }
  }

  @Test
  void anExpiryWarningSaysWhenAndHowManyDays() {
    MailMessage mail =
        NotificationMessages.mail(
            "a@example.org", "alice", notice(NotificationKind.EXPIRY_COMING, "7"));
    assertThat(mail.subject()).isEqualTo("tokensmith: Your token expires in 7 days");
    assertThat(mail.body()).contains("expires on 2026-06-08 08:00 UTC");
    MailMessage one =
        NotificationMessages.mail(
            "a@example.org", "alice", notice(NotificationKind.EXPIRY_COMING, "1"));
    assertThat(one.subject()).isEqualTo("tokensmith: Your token expires in 1 day");
  }

  @Test
  void theWebhookPayloadIsStandardWebhooksJsonWithItsTextEscaped() {
    String body =
        NotificationMessages.webhookBody(
            notice(NotificationKind.NEW_ADDRESS, "192.0.2.7\n"), AT.plusSeconds(5));
    assertThat(body)
        .isEqualTo(
            "{\"type\":\"token.new_address\",\"timestamp\":\"2026-06-01T08:00:05Z\",\"data\":{"
                + "\"eventId\":42,\"tokenId\":\""
                + ID.text()
                + "\",\"tokenKind\":\"personal\",\"label\":\"nightly \\\"backup\\\"\","
                + "\"owner\":\"alice\",\"actor\":\"bob\",\"occurredAt\":\"2026-06-01T08:00:00Z\","
                + "\"address\":\"192.0.2.7\\n\"}}");
    assertThat(NotificationMessages.quoted("a\u0001b\u2028")).isEqualTo("\"a\\u0001b\\u2028\"");
  }

  @Test
  void aWebhookSecretNeverPrintsItself() {
    WebhookSecret secret = new WebhookSecret("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
    assertThat(secret.toString()).doesNotContain("MfKQ").contains("redacted");
  }

  @Test
  void retriesWaitTwiceAsLongEachTimeUpToTheLongestWait() {
    NotificationService.Settings settings =
        new NotificationService.Settings(
            8,
            Duration.ofSeconds(30),
            Duration.ofMinutes(3),
            Duration.ofMinutes(2),
            10,
            java.util.List.of(30, 7, 1),
            Duration.ofDays(30));
    assertThat(settings.retryAfter(1)).isEqualTo(Duration.ofSeconds(30));
    assertThat(settings.retryAfter(2)).isEqualTo(Duration.ofSeconds(60));
    assertThat(settings.retryAfter(3)).isEqualTo(Duration.ofSeconds(120));
    assertThat(settings.retryAfter(4)).isEqualTo(Duration.ofMinutes(3));
    assertThat(settings.retryAfter(60)).isEqualTo(Duration.ofMinutes(3));
  }

  @Test
  void everyAuditActionIsMappedAndTheLifecycleOnesNotify() {
    for (AuditEvent.Action action : AuditEvent.Action.values()) {
      // no action throws: the switch is exhaustive (a new action does not compile unmapped)
      AuditNotifications.forAudit(action);
    }
    assertThat(AuditNotifications.forAudit(AuditEvent.Action.CREATED))
        .contains(NotificationKind.TOKEN_CREATED);
    assertThat(AuditNotifications.forAudit(AuditEvent.Action.REFRESHED))
        .contains(NotificationKind.TOKEN_REFRESHED);
    assertThat(AuditNotifications.forAudit(AuditEvent.Action.DELETED))
        .contains(NotificationKind.TOKEN_DELETED);
    assertThat(AuditNotifications.forAudit(AuditEvent.Action.REVOKED))
        .contains(NotificationKind.TOKEN_REVOKED);
    assertThat(AuditNotifications.forAudit(AuditEvent.Action.POLICY_DEADLINE))
        .contains(NotificationKind.POLICY_DEADLINE);
    assertThat(AuditNotifications.forAudit(AuditEvent.Action.EDITED)).isEmpty();
  }

  @Test
  void aPolicyDeadlineSaysWhenAndWhyFromTheAuditDetail() {
    Notice deadline =
        notice(
            NotificationKind.POLICY_DEADLINE, "2026-07-01T00:00:00Z no_expiry scope_not_allowed");
    MailMessage mail = NotificationMessages.mail("a@example.org", "alice", deadline);
    assertThat(mail.body())
        .contains("no longer fits the token policy (no_expiry scope_not_allowed)")
        .contains("stops working on 2026-07-01T00:00:00Z.");
    assertThat(NotificationMessages.webhookBody(deadline, AT))
        .contains("\"deadline\":\"2026-07-01T00:00:00Z\"")
        .contains("\"reasons\":\"no_expiry scope_not_allowed\"");
  }

  @Test
  void everyKindHasADistinctCodeThatReadsBack() {
    for (NotificationKind kind : NotificationKind.values()) {
      assertThat(NotificationKind.ofCode(kind.code())).contains(kind);
      assertThat(kind.code()).startsWith(kind.isOwnersChoice() ? "token." : "webhook.");
    }
    assertThat(NotificationKind.ofCode("token.unknown")).isEmpty();
  }
}
