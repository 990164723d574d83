package dev.tokensmith.bootstrap.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * Notifications in a real browser: my choices in My account, webhooks and deliveries in
 * Administration.
 */
class NotificationsBrowserTest extends BrowserTest {
  @Test
  void myAccountSavesTheNotificationsIChose() {
    String login = service.user("carol", "REST Services User");
    openAs(login, "/account");
    visible("#notifications-section");
    assertThat(text("#notifications-mail")).contains("E-mail is not configured on this server");
    assertThat(driver.findElement(By.id("notify-token-created")).isSelected()).isTrue();
    assertThat(
            driver.findElement(By.cssSelector("label[for=notify-token-expiry_coming]")).getText())
        .isEqualTo("A token expires in 30, 7 or 1 days");

    check("#notify-token-created", false);
    check("#notify-token-new_address", false);
    visible("#notifications-save").click();
    waitUntil(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("notifications-status"), "Your choices are saved."));

    JsonNode mine = service.session(login).get("/api/v1/me/notifications").expect(200).json();
    for (JsonNode choice : mine.get("events")) {
      String event = choice.get("event").asText();
      boolean off = event.equals("token.created") || event.equals("token.new_address");
      assertThat(choice.get("enabled").asBoolean()).as(event).isEqualTo(!off);
    }
    driver.navigate().refresh();
    visible("#notifications-section");
    assertThat(driver.findElement(By.id("notify-token-created")).isSelected()).isFalse();
    assertThat(driver.findElement(By.id("notify-token-refreshed")).isSelected()).isTrue();
  }

  @Test
  void theAdministratorAddsAWebhookSeesItsSecretOnceAndFollowsItsDeliveries() {
    openAsAdmin("/admin");
    String url = "http://127.0.0.1:9/" + service.fresh("unreachable");
    fill("#webhook-url", url);
    fill("#webhook-description", "browser test hook");
    check("#webhook-event-1", true);
    visible("#webhook-add").click();
    visible("#webhook-secret-dialog");
    assertThat(text("#webhook-secret-dialog")).contains("it will not be shown again");
    String secret = visible("#webhook-secret-value").getDomProperty("value");
    assertThat(secret).startsWith("whsec_");
    visible("#webhook-secret-close").click();
    gone(By.id("webhook-secret-dialog"));
    assertThat(driver.getPageSource()).doesNotContain(secret);
    waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.id("webhooks-body"), url));
    assertThat(text("#webhooks-body")).contains("browser test hook").contains("token.created");

    String owner = service.user("dave", "REST Services User");
    String label = service.fresh("watched");
    service.session(owner).createToken(label, List.of("rest"), null);
    service.notificationRound();

    visible("#deliveries-refresh").click();
    waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.id("deliveries-body"), label));
    String row = deliveryRow(label);
    assertThat(row).contains("token.created").contains(owner).contains(url).contains("pending");
    assertThat(row).contains("no answer from the webhook (ConnectException");

    new Select(visible("#deliveries-state")).selectByValue("delivered");
    waitUntil(d -> !d.findElement(By.id("deliveries-body")).getText().contains(label));

    button("Remove the webhook " + url).click();
    visible("#confirm-ok").click();
    gone(By.id("confirm-dialog"));
    new Select(visible("#deliveries-state")).selectByValue("given_up");
    waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.id("deliveries-body"), label));
    assertThat(deliveryRow(label)).contains("given up").contains("the webhook was removed");
  }

  private static String deliveryRow(String label) {
    return waitUntil(
        d ->
            d.findElement(
                    By.xpath(
                        "//tbody[@id='deliveries-body']/tr[td[normalize-space(.)="
                            + xpathText(label)
                            + "]]"))
                .getText());
  }
}
