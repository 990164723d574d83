package dev.tokensmith.examples.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.tokensmith.adapter.persistence.Database;
import dev.tokensmith.adapter.persistence.DatabaseConfig;
import dev.tokensmith.adapter.persistence.PostgresAdapters;
import dev.tokensmith.application.contract.ContractFixtures;
import dev.tokensmith.application.port.in.CreatePersonalTokenCommand;
import dev.tokensmith.application.port.in.CreatedWebhook;
import dev.tokensmith.application.port.in.IssuedToken;
import dev.tokensmith.domain.account.Profile;
import dev.tokensmith.domain.account.User;
import dev.tokensmith.javalin.embedded.EmbeddedTokensmith;
import io.javalin.Javalin;
import io.vavr.control.Option;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A service embedding tokensmith runs tokensmith's notification worker with its own lifecycle: the
 * events its requests cause reach the webhooks administrators set up in tokensmith, signed, and the
 * worker stops with {@link EmbeddedTokensmith#close()}.
 */
class EmbeddedNotificationsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String WORKER_THREAD = "tokensmith-embedded-notifications";
  private static Path directory;
  private static Database database;
  private static PostgresAdapters fixtures;
  private static String pepper;

  private final List<Received> received = new CopyOnWriteArrayList<>();
  private HttpServer receiver;

  record Received(String id, String timestamp, String signature, String body) {}

  @BeforeAll
  static void startDatabase() throws IOException {
    directory = Files.createTempDirectory("tokensmith-embedded-notifications-");
    database = Database.start(DatabaseConfig.embedded(directory));
    fixtures = PostgresAdapters.on(database.dataSource());
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    pepper = Base64.getEncoder().encodeToString(key);
  }

  @AfterAll
  static void stopDatabase() throws IOException {
    fixtures.close();
    database.close();
    try (Stream<Path> paths = Files.walk(directory)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    }
  }

  @BeforeEach
  void startReceiver() throws IOException {
    receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.createContext(
        "/hook",
        exchange -> {
          try (InputStream in = exchange.getRequestBody()) {
            received.add(
                new Received(
                    exchange.getRequestHeaders().getFirst("webhook-id"),
                    exchange.getRequestHeaders().getFirst("webhook-timestamp"),
                    exchange.getRequestHeaders().getFirst("webhook-signature"),
                    new String(in.readAllBytes(), StandardCharsets.UTF_8)));
          }
          exchange.sendResponseHeaders(204, -1);
          exchange.close();
        });
    receiver.start();
  }

  @AfterEach
  void stopReceiver() {
    receiver.stop(0);
  }

  @Test
  void aFirstUseThroughTheEmbeddingServiceReachesTheWebhookSignedAndTheWorkerStopsWithClose()
      throws Exception {
    EmbeddedTokensmith tokensmith =
        EmbeddedTokensmith.builder()
            .dataSource(database.dataSource())
            .pepper(pepper)
            .notificationInterval(Duration.ofMillis(200))
            .build();
    Javalin billing = BillingService.create(tokensmith.verifier()).start("127.0.0.1", 0);
    try {
      User administrator = ContractFixtures.user(fixtures.accounts(), Profile.ADMINISTRATOR);
      CreatedWebhook webhook =
          tokensmith
              .notifications()
              .createWebhook(
                  administrator,
                  "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook",
                  "embedded",
                  Set.of())
              .getOrElseThrow(failure -> new AssertionError(failure.message()));
      User alice = ContractFixtures.user(fixtures.accounts(), Profile.REST_SERVICES_USER);
      IssuedToken token =
          tokensmith
              .core()
              .personalTokens
              .createPersonalToken(
                  new CreatePersonalTokenCommand(
                      alice, "billing", Set.of("billing:read"), Option.none()))
              .getOrElseThrow(failure -> new AssertionError(failure.message()));
      String tokenId = token.summary().token().id().text();

      HttpResponse<String> call =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(
                          URI.create("http://127.0.0.1:" + billing.port() + "/invoices"))
                      .header("Authorization", "Bearer " + token.value().reveal())
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(call.statusCode()).as(call.body()).isEqualTo(200);

      waitUntil(() -> delivered("token.new_address", tokenId), "the new-address webhook");
      waitUntil(() -> delivered("token.created", tokenId), "the token-created webhook");
      Received newAddress =
          received.stream()
              .filter(r -> r.body().contains("\"token.new_address\""))
              .findFirst()
              .orElseThrow();
      JsonNode body = JSON.readTree(newAddress.body());
      assertThat(body.path("data").path("owner").asText()).isEqualTo(alice.login());
      assertThat(body.path("data").path("address").asText()).isEqualTo("127.0.0.1");
      assertThat(newAddress.signature())
          .isEqualTo(
              "v1,"
                  + sign(
                      webhook.secret().value(),
                      newAddress.id() + "." + newAddress.timestamp() + "." + newAddress.body()));
      assertThat(newAddress.body()).doesNotContain(token.value().reveal());
      assertThat(workerThreadAlive()).isTrue();
    } finally {
      billing.stop();
      tokensmith.close();
    }
    assertThat(workerThreadAlive()).as("the worker stops with close()").isFalse();
  }

  @Test
  void aZeroIntervalLeavesSendingToTokensmithsInstancesAndStartsNoWorker() {
    try (EmbeddedTokensmith tokensmith =
        EmbeddedTokensmith.builder()
            .dataSource(database.dataSource())
            .pepper(pepper)
            .fromEnvironment(Map.of("TOKENSMITH_NOTIFICATION_INTERVAL_SECONDS", "0"))
            .build()) {
      assertThat(workerThreadAlive()).isFalse();
      // the outbox is still there for tokensmith's own workers: a round run by hand sends
      assertThat(tokensmith.notifications().deliverDue()).isNotNull();
    }
  }

  @Test
  void aBadNotificationVariableStopsTheBuildNamingIt() {
    assertThatThrownBy(
            () ->
                EmbeddedTokensmith.builder()
                    .fromEnvironment(
                        Map.of(
                            "TOKENSMITH_NOTIFICATION_INTERVAL_SECONDS", "often",
                            "TOKENSMITH_SMTP_PASSWORD", "hunter2-secret")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("TOKENSMITH_NOTIFICATION_INTERVAL_SECONDS must be a whole number")
        .hasMessageNotContaining("hunter2-secret");
    assertThatThrownBy(
            () ->
                EmbeddedTokensmith.builder()
                    .fromEnvironment(Map.of("TOKENSMITH_SMTP_HOST", "mail.example.com")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("TOKENSMITH_SMTP_FROM");
  }

  private boolean delivered(String type, String tokenId) {
    return received.stream()
        .anyMatch(r -> r.body().contains("\"" + type + "\"") && r.body().contains(tokenId));
  }

  private static boolean workerThreadAlive() {
    return Thread.getAllStackTraces().keySet().stream()
        .anyMatch(thread -> thread.getName().equals(WORKER_THREAD) && thread.isAlive());
  }

  private static String sign(String secret, String content) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(
        new SecretKeySpec(
            Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
    return Base64.getEncoder()
        .encodeToString(mac.doFinal(content.getBytes(StandardCharsets.UTF_8)));
  }

  private static void waitUntil(BooleanSupplier condition, String what)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("waited 60 s for " + what);
      }
      Thread.sleep(50);
    }
  }
}
