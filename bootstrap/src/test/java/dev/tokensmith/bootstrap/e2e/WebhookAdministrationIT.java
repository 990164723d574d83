package dev.tokensmith.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.tokensmith.application.fake.MutableClock;
import dev.tokensmith.bootstrap.ServiceInternals;
import dev.tokensmith.bootstrap.TokensmithService;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An administrator edits a webhook (URL, events, enabled), sends it test deliveries through the
 * outbox and the worker (listed with the deliveries) and rotates its signing secret, on the real
 * service and PostgreSQL with an in-test receiver.
 */
class WebhookAdministrationIT {
  private static final String ADMIN_PASSWORD = "an admin password for tests";
  private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-06-01T08:00:00Z"));
  private static final List<Received> RECEIVED = new CopyOnWriteArrayList<>();
  private static Path dataDir;
  private static TokensmithService service;
  private static Http http;
  private static HttpServer receiver;

  record Received(String path, String id, String timestamp, String signature, String body) {}

  @BeforeAll
  static void start() throws Exception {
    receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.createContext(
        "/",
        exchange -> {
          try (InputStream in = exchange.getRequestBody()) {
            RECEIVED.add(
                new Received(
                    exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders().getFirst("webhook-id"),
                    exchange.getRequestHeaders().getFirst("webhook-timestamp"),
                    exchange.getRequestHeaders().getFirst("webhook-signature"),
                    new String(in.readAllBytes(), StandardCharsets.UTF_8)));
          }
          exchange.sendResponseHeaders(204, -1);
          exchange.close();
        });
    receiver.start();
    dataDir = Files.createTempDirectory("tokensmith-webhook-administration");
    service = InJvmService.start(dataDir, ADMIN_PASSWORD, CLOCK);
    http = new Http(service.port());
  }

  @AfterAll
  static void stop() {
    if (service != null) {
      service.close();
    }
    if (receiver != null) {
      receiver.stop(0);
    }
  }

  private static String url(String path) {
    return "http://127.0.0.1:" + receiver.getAddress().getPort() + path;
  }

  /** One round of the worker, as every instance runs them. */
  private static void round() {
    ServiceInternals.notifications(service).deliverDue();
  }

  private static String sign(String secret, Received received) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(
        new SecretKeySpec(
            Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
    return "v1,"
        + Base64.getEncoder()
            .encodeToString(
                mac.doFinal(
                    (received.id() + "." + received.timestamp() + "." + received.body())
                        .getBytes(StandardCharsets.UTF_8)));
  }

  private static Received testDelivery(String[] session, String id) {
    HttpResponse<String> test =
        http.send("POST", "/api/v1/admin/webhooks/" + id + "/test", null, session);
    assertThat(test.statusCode()).as(test.body()).isEqualTo(202);
    long eventId = Http.number(test.body(), "eventId");
    round();
    return RECEIVED.stream()
        .filter(r -> ("msg_" + eventId).equals(r.id()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no test delivery msg_" + eventId + ": " + RECEIVED));
  }

  @Test
  void anAdministratorEditsTestsAndRotatesAWebhook() throws Exception {
    String[] session = http.signIn("admin", ADMIN_PASSWORD);
    HttpResponse<String> created =
        http.send(
            "POST",
            "/api/v1/admin/webhooks",
            "{\"url\":\""
                + url("/a")
                + "\",\"description\":\"chat\",\"events\":[\"token.created\"]}",
            session);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String id = String.valueOf(Http.number(created.body(), "id"));
    String first = Http.field(created.body(), "secret");
    assertThat(created.body()).contains("\"enabled\":true");

    // a test delivery: through the outbox and the worker, signed, listed with the deliveries
    Received test = testDelivery(session, id);
    assertThat(test.path()).isEqualTo("/a");
    assertThat(test.body()).contains("\"type\":\"webhook.test\"").contains("\"actor\":\"admin\"");
    assertThat(test.signature()).isEqualTo(sign(first, test));
    HttpResponse<String> deliveries = http.get("/api/v1/admin/notification-deliveries", session);
    assertThat(deliveries.body())
        .contains("\"event\":\"webhook.test\"")
        .contains("\"state\":\"delivered\"");

    // edit: another URL, more events, disabled
    HttpResponse<String> edited =
        http.send(
            "PATCH",
            "/api/v1/admin/webhooks/" + id,
            "{\"url\":\""
                + url("/b")
                + "\",\"events\":[\"token.created\",\"token.deleted\"],\"enabled\":false}",
            session);
    assertThat(edited.statusCode()).as(edited.body()).isEqualTo(200);
    assertThat(edited.body())
        .contains("\"url\":\"" + url("/b") + "\"")
        .contains("\"events\":[\"token.created\",\"token.deleted\"]")
        .contains("\"enabled\":false")
        .contains("\"description\":\"chat\"");
    HttpResponse<String> disabledTest =
        http.send("POST", "/api/v1/admin/webhooks/" + id + "/test", null, session);
    assertThat(disabledTest.statusCode()).isEqualTo(409);
    assertThat(Http.field(disabledTest.body(), "message")).contains("disabled");
    // a disabled webhook gets nothing
    int before = RECEIVED.size();
    HttpResponse<String> token =
        http.send(
            "POST",
            "/api/v1/me/tokens",
            "{\"application\":\"while disabled\",\"scopes\":[\"rest\"]}",
            session);
    assertThat(token.statusCode()).as(token.body()).isEqualTo(201);
    round();
    assertThat(RECEIVED).hasSize(before);

    // enabled again: the test goes to the new URL
    assertThat(
            http.send("PATCH", "/api/v1/admin/webhooks/" + id, "{\"enabled\":true}", session)
                .statusCode())
        .isEqualTo(200);
    Received moved = testDelivery(session, id);
    assertThat(moved.path()).isEqualTo("/b");
    assertThat(moved.signature()).isEqualTo(sign(first, moved));

    // a new secret, shown once; the next delivery is signed with it only
    HttpResponse<String> rotated =
        http.send("POST", "/api/v1/admin/webhooks/" + id + "/rotate-secret", null, session);
    assertThat(rotated.statusCode()).as(rotated.body()).isEqualTo(200);
    String second = Http.field(rotated.body(), "secret");
    assertThat(second).startsWith("whsec_").isNotEqualTo(first);
    assertThat(http.get("/api/v1/admin/webhooks", session).body())
        .doesNotContain(second)
        .doesNotContain(first);
    Received signedAnew = testDelivery(session, id);
    assertThat(signedAnew.signature()).isEqualTo(sign(second, signedAnew));
    assertThat(signedAnew.signature()).isNotEqualTo(sign(first, signedAnew));
  }

  @Test
  void badEditsAreRefusedNamingTheField() {
    String[] session = http.signIn("admin", ADMIN_PASSWORD);
    HttpResponse<String> created =
        http.send("POST", "/api/v1/admin/webhooks", "{\"url\":\"" + url("/c") + "\"}", session);
    String id = String.valueOf(Http.number(created.body(), "id"));

    HttpResponse<String> badUrl =
        http.send("PATCH", "/api/v1/admin/webhooks/" + id, "{\"url\":\"ftp://x\"}", session);
    assertThat(badUrl.statusCode()).isEqualTo(400);
    assertThat(badUrl.body()).contains("url");
    HttpResponse<String> testEvent =
        http.send(
            "PATCH", "/api/v1/admin/webhooks/" + id, "{\"events\":[\"webhook.test\"]}", session);
    assertThat(testEvent.statusCode()).isEqualTo(400);
    assertThat(testEvent.body()).contains("events");
    HttpResponse<String> unknownField =
        http.send("PATCH", "/api/v1/admin/webhooks/" + id, "{\"colour\":1}", session);
    assertThat(unknownField.statusCode()).isEqualTo(400);
    assertThat(unknownField.body()).contains("colour");
    HttpResponse<String> notBoolean =
        http.send("PATCH", "/api/v1/admin/webhooks/" + id, "{\"enabled\":\"yes\"}", session);
    assertThat(notBoolean.statusCode()).isEqualTo(400);
    assertThat(notBoolean.body()).contains("enabled");
    for (String path : List.of("", "/test", "/rotate-secret")) {
      HttpResponse<String> missing =
          http.send(
              path.isEmpty() ? "PATCH" : "POST",
              "/api/v1/admin/webhooks/999999" + path,
              path.isEmpty() ? "{\"enabled\":true}" : null,
              session);
      assertThat(missing.statusCode()).as(path).isEqualTo(404);
    }
    assertThat(http.get("/api/v1/me/notifications", session).body()).doesNotContain("webhook.test");
  }
}
