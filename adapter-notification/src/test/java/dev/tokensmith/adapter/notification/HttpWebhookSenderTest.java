package dev.tokensmith.adapter.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.tokensmith.domain.notification.WebhookSecret;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpWebhookSenderTest {
  private static final WebhookSecret SECRET =
      new WebhookSecret("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");

  private HttpServer server;
  private final AtomicReference<String> body = new AtomicReference<>();
  private final AtomicReference<String> signature = new AtomicReference<>();
  private final HttpWebhookSender sender = new HttpWebhookSender(Duration.ofSeconds(30));

  @BeforeEach
  void start() throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/ok",
        exchange -> {
          body.set(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
          signature.set(exchange.getRequestHeaders().getFirst("webhook-signature"));
          exchange.sendResponseHeaders(200, -1);
          exchange.close();
        });
    server.createContext(
        "/moved",
        exchange -> {
          exchange.getResponseHeaders().add("Location", "/ok");
          exchange.sendResponseHeaders(302, -1);
          exchange.close();
        });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  @Test
  void itPostsTheBodyWithItsHeadersAndReturnsTheStatus() {
    int status =
        sender.post(
            url("/ok"),
            SECRET,
            "msg_p5jXN8AQM9LWM0D4loKWxJek",
            1614265330,
            "{\"test\": 2432232314}");
    assertThat(status).isEqualTo(200);
    assertThat(body.get()).isEqualTo("{\"test\": 2432232314}");
    // the example of the Standard Webhooks specification
    assertThat(signature.get()).isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
  }

  @Test
  void aRedirectIsNotFollowed() {
    assertThat(sender.post(url("/moved"), SECRET, "msg_1", 1, "{}")).isEqualTo(302);
    assertThat(body.get()).isNull();
  }

  @Test
  void noAnswerIsAnExceptionNamingTheFault() throws Exception {
    int closed;
    try (ServerSocket socket = new ServerSocket(0)) {
      closed = socket.getLocalPort();
    }
    assertThatThrownBy(
            () -> sender.post("http://127.0.0.1:" + closed + "/", SECRET, "msg_1", 1, "{}"))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageStartingWith("no answer from the webhook (ConnectException");
  }
}
