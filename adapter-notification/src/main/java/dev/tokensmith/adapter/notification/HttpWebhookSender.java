package dev.tokensmith.adapter.notification;

import dev.tokensmith.application.port.out.WebhookSender;
import dev.tokensmith.domain.notification.WebhookSecret;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * {@link WebhookSender} on the JDK's HTTP client, signed by {@link WebhookSignature}: a POST with a
 * bounded time to connect and to answer, no redirects followed (a signed payload goes where the
 * administrator said), the answer's body discarded.
 */
public final class HttpWebhookSender implements WebhookSender {
  private final HttpClient client;
  private final Duration timeout;

  public HttpWebhookSender(Duration timeout) {
    this.timeout = timeout;
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(timeout)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  @Override
  public int post(String url, WebhookSecret secret, String id, long timestamp, String body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(timeout)
            .header("user-agent", "tokensmith-webhooks")
            .header("content-type", "application/json")
            .header("webhook-id", id)
            .header("webhook-timestamp", Long.toString(timestamp))
            .header("webhook-signature", WebhookSignature.sign(secret, id, timestamp, body))
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    try {
      return client.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      throw new UncheckedIOException(
          "no answer from the webhook ("
              + e.getClass().getSimpleName()
              + (e.getMessage() == null ? "" : ": " + e.getMessage())
              + ")",
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while calling the webhook", e);
    }
  }
}
