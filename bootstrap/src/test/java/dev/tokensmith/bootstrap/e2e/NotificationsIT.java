package dev.tokensmith.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.sun.net.httpserver.HttpServer;
import dev.tokensmith.application.fake.MutableClock;
import dev.tokensmith.bootstrap.ServiceInternals;
import dev.tokensmith.bootstrap.TokensmithService;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Lifecycle notifications through the whole stack: two instances on one PostgreSQL, e-mail to an
 * in-process SMTP server (GreenMail), webhooks to an HTTP receiver in this test, a clock the test
 * moves. The instances' workers are off ({@code TOKENSMITH_NOTIFICATION_INTERVAL_SECONDS=0}): the
 * test runs their rounds itself, so nothing depends on timing.
 */
class NotificationsIT {
  private static final String ADMIN_PASSWORD = "an admin password for tests";
  private static final String PASSWORD = "a user password for the tests";
  private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-06-01T08:00:00Z"));
  private static final AtomicInteger NAMES = new AtomicInteger();

  private static Path root;
  private static EmbeddedPostgres postgres;
  private static GreenMail smtp;
  private static HttpServer receiver;
  private static final ConcurrentLinkedQueue<Received> RECEIVED = new ConcurrentLinkedQueue<>();
  private static TokensmithService a;
  private static TokensmithService b;
  private static Http httpA;

  /** One webhook call the receiver got. */
  record Received(String path, Map<String, String> headers, String body) {}

  @BeforeAll
  static void start() throws Exception {
    root = Files.createTempDirectory("tokensmith-notifications");
    postgres = EmbeddedPostgres.builder().setDataDirectory(root.resolve("postgres")).start();
    smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    smtp.start();
    receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.createContext("/hook", exchange -> answer(exchange, 204));
    receiver.createContext("/failing", exchange -> answer(exchange, 500));
    receiver.start();
    a = instance("a");
    b = instance("b");
    httpA = new Http(a.port());
  }

  private static void answer(com.sun.net.httpserver.HttpExchange exchange, int status)
      throws IOException {
    Map<String, String> headers = new HashMap<>();
    exchange
        .getRequestHeaders()
        .forEach((name, values) -> headers.put(name.toLowerCase(), values.get(0)));
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    RECEIVED.add(new Received(exchange.getRequestURI().getPath(), headers, body));
    exchange.sendResponseHeaders(status, -1);
    exchange.close();
  }

  @AfterAll
  static void stop() throws Exception {
    InJvmService.closeAll(
        a,
        b,
        receiver == null ? null : () -> receiver.stop(0),
        smtp == null ? null : smtp::stop,
        postgres);
  }

  private static TokensmithService instance(String name) {
    Map<String, String> env =
        InJvmService.sharedDatabaseEnvironment(
            postgres.getPort(), root.resolve(name), ADMIN_PASSWORD);
    env.put("TOKENSMITH_SMTP_HOST", "127.0.0.1");
    env.put("TOKENSMITH_SMTP_PORT", Integer.toString(smtp.getSmtp().getPort()));
    env.put("TOKENSMITH_SMTP_SECURITY", "none");
    env.put("TOKENSMITH_SMTP_FROM", "tokensmith@example.org");
    env.put("TOKENSMITH_NOTIFICATION_INTERVAL_SECONDS", "0");
    env.put("TOKENSMITH_NOTIFICATION_MAX_ATTEMPTS", "3");
    env.put("TOKENSMITH_NOTIFICATION_RETRY_SECONDS", "30");
    return InJvmService.start(env, CLOCK);
  }

  // --- e-mail ---------------------------------------------------------------------------------

  @Test
  void theOwnerIsMailedWhenTheirTokenIsCreatedRefreshedAndDeleted() throws Exception {
    String login = newUser("REST Services User");
    String[] session = session(login, PASSWORD);
    String[] token = newToken(session, "nightly backup", null);
    HttpResponse<String> refreshed =
        httpA.send("POST", "/api/v1/me/tokens/" + token[0] + "/refresh", "", session);
    assertThat(refreshed.statusCode()).as(refreshed.body()).isEqualTo(200);
    String newValue = Http.field(refreshed.body(), "secret");
    assertThat(httpA.send("DELETE", "/api/v1/me/tokens/" + token[0], null, session).statusCode())
        .isEqualTo(204);

    round();

    List<MimeMessage> mails = mailsTo(login);
    assertThat(mails)
        .extracting(MimeMessage::getSubject)
        .containsExactly(
            "tokensmith: A token was created",
            "tokensmith: A token was refreshed",
            "tokensmith: A token was deleted");
    String ending = token[0].substring(token[0].length() - 6);
    for (MimeMessage mail : mails) {
      assertThat(mail.getAllRecipients())
          .extracting(Object::toString)
          .containsExactly(email(login));
      assertThat(mail.getFrom())
          .extracting(Object::toString)
          .containsExactly("tokensmith@example.org");
      String body = body(mail);
      assertThat(body)
          .contains("Hello " + login)
          .contains("\"nightly backup\" (…" + ending + ")")
          .contains("open My account")
          .doesNotContain("http")
          .doesNotContain(token[1])
          .doesNotContain(newValue);
    }
    assertThat(body(mails.get(1))).contains("its previous value no longer works");
    assertNoMessageCarries(token[1], newValue);
  }

  @Test
  void aFirstUseFromANewAddressAndARevocationByValueNotifyTheOwnerOnce() throws Exception {
    String login = newUser("REST Services User");
    String[] token = newToken(session(login, PASSWORD), "collector", null);
    for (int i = 0; i < 3; i++) {
      assertThat(httpA.get("/api/v1/tokens/self", "Auth-Token", token[1]).statusCode())
          .isEqualTo(200);
      ServiceInternals.flushUses(a);
      round();
    }
    assertThat(subjects(login))
        .containsExactly(
            "tokensmith: A token was created", "tokensmith: A token was used from a new address");
    assertThat(body(mailsTo(login).get(1)))
        .contains("\"collector\"")
        .contains("was used from 127.0.0.1 for the first time");

    revoke(token[1]);
    round();

    assertThat(subjects(login)).endsWith("tokensmith: A token was revoked");
    assertThat(body(mailsTo(login).get(2))).contains("revoked by value from 127.0.0.1");
    assertNoMessageCarries(token[1]);
  }

  @Test
  void aTokenRefusedBecauseItsOwnerLostTheirProfileNotifiesOncePerDay() throws Exception {
    String login = newUser("REST Services User");
    String[] token = newToken(session(login, PASSWORD), "report generator", null);
    HttpResponse<String> edited =
        httpA.send(
            "PATCH",
            "/api/v1/admin/users/" + login,
            "{\"profiles\":[\"Directory Reader\"]}",
            admin());
    assertThat(edited.statusCode()).as(edited.body()).isEqualTo(200);
    for (int i = 0; i < 3; i++) {
      HttpResponse<String> refused = httpA.get("/api/v1/tokens/self", "Auth-Token", token[1]);
      assertThat(Http.field(refused.body(), "reason")).isEqualTo("profile_not_allowed");
    }
    round();

    assertThat(subjects(login))
        .containsExactly(
            "tokensmith: A token was created",
            "tokensmith: A token was refused: its owner lost a profile");
    assertThat(body(mailsTo(login).get(1)))
        .contains("\"report generator\"")
        .contains("profile_not_allowed");
  }

  @Test
  void expiryWarningsComeThirtySevenAndOneDayBeforeAsTheClockMoves() throws Exception {
    String login = newUser("REST Services User");
    Instant expiry = CLOCK.instant().plus(Duration.ofDays(40));
    newToken(session(login, PASSWORD), "quarterly export", expiry);
    round();
    assertThat(subjects(login)).containsExactly("tokensmith: A token was created");

    CLOCK.set(expiry.minus(Duration.ofDays(30)));
    round();
    round();
    CLOCK.set(expiry.minus(Duration.ofDays(7)).plusSeconds(1));
    round();
    CLOCK.set(expiry.minus(Duration.ofHours(20)));
    round();
    round();
    CLOCK.set(expiry.plus(Duration.ofDays(1)));
    round();

    assertThat(subjects(login))
        .containsExactly(
            "tokensmith: A token was created",
            "tokensmith: Your token expires in 30 days",
            "tokensmith: Your token expires in 7 days",
            "tokensmith: Your token expires in 1 day");
    assertThat(body(mailsTo(login).get(3)))
        .contains("\"quarterly export\"")
        .contains("expires on " + expiry.toString().substring(0, 10));
  }

  @Test
  void anOwnerReceivesOnlyWhatTheyChoseInMyAccount() throws Exception {
    String login = newUser("REST Services User");
    String[] session = session(login, PASSWORD);
    HttpResponse<String> mine = httpA.get("/api/v1/me/notifications", session);
    assertThat(mine.statusCode()).isEqualTo(200);
    assertThat(mine.body())
        .contains("\"email\":\"" + email(login) + "\"")
        .contains("\"mailEnabled\":true")
        .contains(
            "{\"event\":\"token.created\",\"title\":\"A token was created\",\"enabled\":true}");

    HttpResponse<String> chosen =
        httpA.send(
            "PUT",
            "/api/v1/me/notifications",
            "{\"enabled\":[\"token.refreshed\",\"token.expiry_coming\"]}",
            session);
    assertThat(chosen.statusCode()).as(chosen.body()).isEqualTo(200);
    assertThat(chosen.body())
        .contains(
            "{\"event\":\"token.created\",\"title\":\"A token was created\",\"enabled\":false}")
        .contains(
            "{\"event\":\"token.refreshed\",\"title\":\"A token was refreshed\",\"enabled\":true}");
    String[] token = newToken(session, "muted", null);
    httpA.send("POST", "/api/v1/me/tokens/" + token[0] + "/refresh", "", session);
    httpA.send("DELETE", "/api/v1/me/tokens/" + token[0], null, session);
    round();

    assertThat(subjects(login)).containsExactly("tokensmith: A token was refreshed");

    HttpResponse<String> unknown =
        httpA.send(
            "PUT", "/api/v1/me/notifications", "{\"enabled\":[\"token.exploded\"]}", session);
    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(unknown.body()).contains("enabled").contains("token.exploded");
  }

  // --- webhooks -------------------------------------------------------------------------------

  @Test
  void webhooksAreSignedAsStandardWebhooksSaysAndTheirSecretIsShownOnce() throws Exception {
    String[] admin = admin();
    HttpResponse<String> created =
        httpA.send(
            "POST",
            "/api/v1/admin/webhooks",
            "{\"url\":\"" + receiverUrl("/hook") + "\",\"description\":\"SIEM\"}",
            admin);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String secret = Http.field(created.body(), "secret");
    long webhookId = Http.number(created.body(), "id");
    assertThat(secret).startsWith("whsec_");
    try {
      assertThat(httpA.get("/api/v1/admin/webhooks", admin).body())
          .contains("SIEM")
          .doesNotContain(secret);
      assertThat(columnsContaining(secret.substring(6))).isZero();

      String login = newUser("REST Services User");
      String[] token = newToken(session(login, PASSWORD), "signed-" + login, null);
      round();

      List<Received> calls = received("/hook", "signed-" + login);
      assertThat(calls).hasSize(1);
      Received call = calls.get(0);
      assertThat(call.headers().get("content-type")).isEqualTo("application/json");
      assertThat(call.body())
          .startsWith("{\"type\":\"token.created\",\"timestamp\":\"")
          .contains("\"tokenId\":\"" + token[0] + "\"")
          .contains("\"owner\":\"" + login + "\"")
          .doesNotContain(token[1]);
      assertThat(call.headers().get("webhook-id")).startsWith("msg_");
      assertThat(Long.parseLong(call.headers().get("webhook-timestamp")))
          .isEqualTo(CLOCK.instant().getEpochSecond());
      assertThat(call.headers().get("webhook-signature"))
          .isEqualTo(
              expectedSignature(
                  secret,
                  call.headers().get("webhook-id"),
                  call.headers().get("webhook-timestamp"),
                  call.body()));
      assertThat(call.headers().get("webhook-signature"))
          .isNotEqualTo(
              expectedSignature(
                  "whsec_" + Base64.getEncoder().encodeToString(new byte[32]),
                  call.headers().get("webhook-id"),
                  call.headers().get("webhook-timestamp"),
                  call.body()));
    } finally {
      assertThat(
              httpA.send("DELETE", "/api/v1/admin/webhooks/" + webhookId, null, admin).statusCode())
          .isEqualTo(204);
    }
  }

  @Test
  void aFailingWebhookIsRetriedWithBackoffThenGivenUpAndTheAdministratorSeesIt() throws Exception {
    String[] admin = admin();
    HttpResponse<String> created =
        httpA.send(
            "POST",
            "/api/v1/admin/webhooks",
            "{\"url\":\""
                + receiverUrl("/failing")
                + "\",\"description\":\"broken\",\"events\":[\"token.deleted\"]}",
            admin);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    long webhookId = Http.number(created.body(), "id");
    try {
      String login = newUser("REST Services User");
      String label = "doomed-" + login;
      String[] session = session(login, PASSWORD);
      String[] token = newToken(session, label, null);
      httpA.send("DELETE", "/api/v1/me/tokens/" + token[0], null, session);

      round();
      assertThat(received("/failing", label)).hasSize(1);
      String delivery = delivery(label);
      assertThat(delivery)
          .contains("\"state\":\"pending\"")
          .contains("\"attempts\":1")
          .contains("\"lastOutcome\":\"HTTP 500\"")
          .contains("\"nextAttemptAt\":\"" + CLOCK.instant().plusSeconds(30) + "\"");

      round();
      CLOCK.advance(Duration.ofSeconds(29));
      round();
      assertThat(received("/failing", label)).as("not before its backoff").hasSize(1);

      CLOCK.advance(Duration.ofSeconds(1));
      round();
      assertThat(received("/failing", label)).hasSize(2);
      assertThat(delivery(label))
          .contains("\"attempts\":2")
          .contains("\"nextAttemptAt\":\"" + CLOCK.instant().plusSeconds(60) + "\"");

      CLOCK.advance(Duration.ofSeconds(60));
      round();
      CLOCK.advance(Duration.ofDays(1));
      round();
      assertThat(received("/failing", label)).as("given up after 3 attempts").hasSize(3);
      assertThat(delivery(label))
          .contains("\"state\":\"given_up\"")
          .contains("\"attempts\":3")
          .contains("\"lastOutcome\":\"HTTP 500\"")
          .contains("\"nextAttemptAt\":null");
      assertThat(httpA.get("/api/v1/admin/notification-deliveries?state=given_up", admin()).body())
          .contains(label);
    } finally {
      httpA.send("DELETE", "/api/v1/admin/webhooks/" + webhookId, null, admin());
    }
  }

  @Test
  void twoInstancesSendEachNotificationOnce() throws Exception {
    String[] admin = admin();
    HttpResponse<String> created =
        httpA.send(
            "POST",
            "/api/v1/admin/webhooks",
            "{\"url\":\"" + receiverUrl("/hook") + "\",\"events\":[\"token.created\"]}",
            admin);
    long webhookId = Http.number(created.body(), "id");
    try {
      String login = newUser("REST Services User");
      String[] session = session(login, PASSWORD);
      int tokens = 30;
      for (int i = 0; i < tokens; i++) {
        newToken(session, "twin-" + login + "-" + i, null);
      }
      ExecutorService threads = Executors.newFixedThreadPool(4);
      CountDownLatch go = new CountDownLatch(1);
      List<Future<?>> rounds = new ArrayList<>();
      for (TokensmithService instance : new TokensmithService[] {a, b, a, b}) {
        rounds.add(
            threads.submit(
                () -> {
                  go.await();
                  for (int i = 0; i < 5; i++) {
                    ServiceInternals.notifications(instance).deliverDue();
                  }
                  return null;
                }));
      }
      go.countDown();
      for (Future<?> round : rounds) {
        round.get();
      }
      threads.shutdown();

      Map<String, Long> calls =
          RECEIVED.stream()
              .filter(call -> call.body().contains("twin-" + login + "-"))
              .collect(
                  Collectors.groupingBy(
                      call -> call.headers().get("webhook-id"), Collectors.counting()));
      assertThat(calls).hasSize(tokens);
      assertThat(calls.values()).containsOnly(1L);
      assertThat(mailsTo(login)).hasSize(tokens);
    } finally {
      httpA.send("DELETE", "/api/v1/admin/webhooks/" + webhookId, null, admin);
    }
  }

  @Test
  void badWebhookInputIsRefusedNamingTheFieldAndOnlyAdministratorsManageWebhooks() {
    String[] admin = admin();
    HttpResponse<String> ftp =
        httpA.send("POST", "/api/v1/admin/webhooks", "{\"url\":\"ftp://example.org/x\"}", admin);
    assertThat(ftp.statusCode()).isEqualTo(400);
    assertThat(Http.field(ftp.body(), "message")).contains("http:// or https://");
    HttpResponse<String> event =
        httpA.send(
            "POST",
            "/api/v1/admin/webhooks",
            "{\"url\":\"https://example.org/x\",\"events\":[\"nope\"]}",
            admin);
    assertThat(event.statusCode()).isEqualTo(400);
    assertThat(event.body()).contains("events");
    assertThat(httpA.send("DELETE", "/api/v1/admin/webhooks/abc", null, admin).statusCode())
        .isEqualTo(400);
    assertThat(httpA.send("DELETE", "/api/v1/admin/webhooks/999999", null, admin).statusCode())
        .isEqualTo(404);
    assertThat(httpA.get("/api/v1/admin/notification-deliveries?state=lost", admin).statusCode())
        .isEqualTo(400);

    String[] user = session(newUser("REST Services User"), PASSWORD);
    assertThat(httpA.get("/api/v1/admin/webhooks", user).statusCode()).isEqualTo(403);
    assertThat(httpA.get("/api/v1/admin/notification-deliveries", user).statusCode())
        .isEqualTo(403);
  }

  // --- helpers --------------------------------------------------------------------------------

  private static void round() {
    ServiceInternals.notifications(a).deliverDue();
  }

  private static String receiverUrl(String path) {
    return "http://127.0.0.1:" + receiver.getAddress().getPort() + path;
  }

  private static List<Received> received(String path, String text) {
    return RECEIVED.stream()
        .filter(call -> call.path().equals(path) && call.body().contains(text))
        .toList();
  }

  /** The administrators' view of the one delivery about {@code label}. */
  private static String delivery(String label) {
    String list = httpA.get("/api/v1/admin/notification-deliveries?limit=500", admin()).body();
    List<String> matching = new ArrayList<>();
    for (String item : list.split("\\},\\{")) {
      if (item.contains("\"token\":\"" + label + "\"")
          && item.contains("\"channel\":\"webhook\"")) {
        matching.add(item);
      }
    }
    assertThat(matching).hasSize(1);
    return matching.get(0);
  }

  /** The official algorithm, written here independently of the service's code. */
  private static String expectedSignature(String secret, String id, String timestamp, String body)
      throws Exception {
    byte[] key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(key, "HmacSHA256"));
    String signed = id + "." + timestamp + "." + body;
    return "v1,"
        + Base64.getEncoder().encodeToString(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
  }

  /** How many text columns of the notification tables hold {@code text}. */
  private static int columnsContaining(String text) throws Exception {
    try (Connection connection = ServiceInternals.dataSource(a).getConnection();
        Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "SELECT count(*) FROM webhooks w WHERE w::text LIKE '%"
                    + text.replace("'", "''")
                    + "%'")) {
      rows.next();
      return rows.getInt(1);
    }
  }

  private static String newUser(String profile) {
    String login = "notified-" + NAMES.incrementAndGet();
    HttpResponse<String> created =
        httpA.send(
            "POST",
            "/api/v1/admin/users",
            "{\"login\":\""
                + login
                + "\",\"password\":\""
                + PASSWORD
                + "\",\"organization\":\"My Company\",\"profiles\":[\""
                + profile
                + "\"],\"contact\":{\"firstName\":\"Nora\",\"name\":\"Tified\",\"email\":\""
                + email(login)
                + "\"}}",
            admin());
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return login;
  }

  private static String email(String login) {
    return login + "@example.org";
  }

  private static String[] admin() {
    return session("admin", ADMIN_PASSWORD);
  }

  private static String[] session(String login, String password) {
    return httpA.signIn(login, password);
  }

  /** A new personal token: its id and value. */
  private static String[] newToken(String[] session, String application, Instant expiresAt) {
    HttpResponse<String> created =
        httpA.send(
            "POST",
            "/api/v1/me/tokens",
            "{\"application\":\""
                + application
                + "\",\"scopes\":[\"rest\"],\"expiresAt\":"
                + (expiresAt == null ? "null" : "\"" + expiresAt + "\"")
                + "}",
            session);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return new String[] {Http.field(created.body(), "id"), Http.field(created.body(), "secret")};
  }

  private static void revoke(String value) {
    java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
    try {
      HttpResponse<String> revoked =
          client.send(
              java.net.http.HttpRequest.newBuilder(
                      java.net.URI.create("http://127.0.0.1:" + a.port() + "/api/v1/tokens/revoke"))
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .POST(java.net.http.HttpRequest.BodyPublishers.ofString("token=" + value))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(revoked.statusCode()).isEqualTo(200);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static List<MimeMessage> mailsTo(String login) throws Exception {
    List<MimeMessage> mails = new ArrayList<>();
    for (MimeMessage message : smtp.getReceivedMessages()) {
      for (var recipient : message.getRecipients(Message.RecipientType.TO)) {
        if (recipient.toString().equals(email(login))) {
          mails.add(message);
        }
      }
    }
    return mails;
  }

  private static List<String> subjects(String login) throws Exception {
    List<String> subjects = new ArrayList<>();
    for (MimeMessage mail : mailsTo(login)) {
      subjects.add(mail.getSubject());
    }
    return subjects;
  }

  private static String body(MimeMessage mail) throws Exception {
    return mail.getContent().toString();
  }

  /** No e-mail and no webhook call of the whole run carries any of {@code values}. */
  private static void assertNoMessageCarries(String... values) throws Exception {
    for (MimeMessage mail : smtp.getReceivedMessages()) {
      String text = mail.getSubject() + "\n" + body(mail);
      for (String value : values) {
        assertThat(text).doesNotContain(value);
      }
    }
    for (Received call : RECEIVED) {
      for (String value : values) {
        assertThat(call.body()).doesNotContain(value);
        assertThat(call.headers().values()).doesNotContain(value);
      }
    }
  }
}
