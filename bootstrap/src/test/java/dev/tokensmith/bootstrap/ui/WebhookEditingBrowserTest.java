package dev.tokensmith.bootstrap.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The administrator edits a webhook, disables and enables it, sends it a test delivery and rotates
 * its signing secret in a real browser; an in-test receiver gets the test.
 */
class WebhookEditingBrowserTest extends BrowserTest {
  private final List<String> received = new CopyOnWriteArrayList<>();
  private HttpServer receiver;

  @BeforeEach
  void startReceiver() throws IOException {
    receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.createContext(
        "/",
        exchange -> {
          try (InputStream in = exchange.getRequestBody()) {
            received.add(
                exchange.getRequestURI().getPath()
                    + " "
                    + new String(in.readAllBytes(), StandardCharsets.UTF_8));
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

  private String url(String path) {
    return "http://127.0.0.1:" + receiver.getAddress().getPort() + path;
  }

  @Test
  void theAdministratorEditsTestsAndRotatesAWebhook() {
    String first = url("/" + service.fresh("first"));
    String second = url("/" + service.fresh("second"));
    openAsAdmin("/admin");
    fill("#webhook-url", first);
    fill("#webhook-description", "edited in the browser");
    visible("#webhook-add").click();
    String secret = visible("#webhook-secret-value").getDomProperty("value");
    visible("#webhook-secret-close").click();
    gone(By.id("webhook-secret-dialog"));
    waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.id("webhooks-body"), first));
    long id = -1;
    for (JsonNode hook : service.admin().get("/api/v1/admin/webhooks").expect(200).json()) {
      if (hook.get("url").asText().equals(first)) {
        id = hook.get("id").asLong();
      }
    }
    By row = By.cssSelector("#webhooks-body tr[data-webhook='" + id + "']");
    try {
      // edit: another URL, and disabled
      button("Edit the webhook " + first).click();
      assertThat(visible("#webhook-add").getText()).isEqualTo("Save webhook");
      fill("#webhook-url", second);
      check("#webhook-enabled", false);
      visible("#webhook-add").click();
      waitUntil(ExpectedConditions.textToBePresentInElementLocated(row, second));
      assertThat(visible(row).getText()).contains("disabled").contains("edited in the browser");
      assertThat(visible(row).findElement(By.cssSelector(".webhook-test")).isEnabled()).isFalse();
      assertThat(visible("#webhook-add").getText()).isEqualTo("Add webhook");

      // enabled again, then a test through the outbox and the worker
      button("Edit the webhook " + second).click();
      check("#webhook-enabled", true);
      visible("#webhook-add").click();
      waitUntil(ExpectedConditions.textToBePresentInElementLocated(row, "enabled"));
      visible(row).findElement(By.cssSelector(".webhook-test")).click();
      waitUntil(
          ExpectedConditions.textToBePresentInElementLocated(
              By.id("deliveries-body"), "webhook.test"));
      service.notificationRound();
      assertThat(received)
          .anySatisfy(
              call ->
                  assertThat(call)
                      .startsWith(second.substring(second.lastIndexOf('/')) + " ")
                      .contains("\"type\":\"webhook.test\""));
      visible("#deliveries-refresh").click();
      waitUntil(
          d ->
              d.findElement(By.id("deliveries-body"))
                  .getText()
                  .lines()
                  .anyMatch(
                      line ->
                          line.contains("webhook.test")
                              && line.contains(second)
                              && line.contains("delivered")));

      // rotate: a new secret, shown once
      button("Rotate the signing secret of " + second).click();
      visible("#confirm-ok").click();
      String rotated = visible("#webhook-secret-value").getDomProperty("value");
      assertThat(rotated).startsWith("whsec_").isNotEqualTo(secret);
      visible("#webhook-secret-close").click();
      gone(By.id("webhook-secret-dialog"));
      assertThat(driver.getPageSource()).doesNotContain(rotated).doesNotContain(secret);
    } finally {
      service.admin().delete("/api/v1/admin/webhooks/" + id).expect(204);
    }
  }
}
