package dev.tokensmith.bootstrap.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** My account in a real browser: the personal tokens of the signed-in user. */
class MyAccountBrowserTest extends BrowserTest {
  static final String ME = "/api/v1/me/tokens/";

  /** Reads the value shown once, checks the dialog says so, closes it and checks it is gone. */
  static String readValueOnceAndClose() {
    WebElement dialog = visible("#value-dialog");
    assertThat(dialog.getText()).contains("it will not be shown again");
    String value = visible("#token-value").getDomProperty("value");
    assertThat(value).startsWith("tksp_").hasSize(76);
    visible("#copy-value").click();
    waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.id("copy-status"), "Cop"));
    visible("#value-close").click();
    gone(By.id("value-dialog"));
    assertThat(driver.findElement(By.id("token-value")).getDomProperty("value")).isEmpty();
    assertThat(driver.getPageSource()).doesNotContain(value);
    return value;
  }

  @Test
  void aCreatedTokenIsShownOnceAndItsUseIsCounted() {
    String login = service.user("alice", "REST Services User");
    openAs(login, "/account");
    visible("#tokens-empty");

    visible("#new-token").click();
    fill("#token-application", "backup script");
    assertThat(driver.findElement(By.id("token-scopes-rest")).isSelected()).isTrue();
    assertThat(driver.findElement(By.cssSelector("label[for=token-scopes-rest]")).getText())
        .startsWith("REST/JSON");
    assertThat(driver.findElement(By.cssSelector("label[for=token-scopes-synchro]")).getText())
        .startsWith("Synchro");
    assertThat(driver.findElement(By.cssSelector("label[for=token-scopes-import]")).getText())
        .startsWith("Import");
    assertThat(driver.findElement(By.cssSelector("label[for=token-scopes-export]")).getText())
        .startsWith("Export");
    visible("#token-save").click();
    visible("#value-dialog");
    screenshot("aCreatedTokenIsShownOnce-valueDialog");
    String value = readValueOnceAndClose();

    assertThat(cellText("backup script", "use-count")).isEqualTo("0");
    assertThat(cellText("backup script", "last-use")).isEqualTo("never");
    assertThat(cellText("backup script", "scopes")).isEqualTo("REST/JSON");
    assertThat(cellText("backup script", "expires")).isEqualTo("never");

    Api.Response self = service.api.self(value).expect(200);
    assertThat(self.json().get("application").asText()).isEqualTo("backup script");
    service.api.self(value).expect(200);

    driver.navigate().refresh();
    assertThat(cellText("backup script", "use-count")).isEqualTo("2");
    assertThat(cellText("backup script", "last-use")).contains("from 127.0.0.1");
  }

  @Test
  void scopesAndExpirationAreEdited() {
    String login = service.user("bob", "REST Services User");
    JsonNode created =
        service.session(login).createToken("nightly export", List.of("rest"), null).get("token");
    openAs(login, "/account");

    button("Edit nightly export").click();
    check("#token-scopes-rest", false);
    check("#token-scopes-export", true);
    LocalDateTime inThreeDays =
        LocalDateTime.now(BROWSER_ZONE).plusDays(3).truncatedTo(ChronoUnit.MINUTES);
    setDateTime("#token-expires", inThreeDays);
    visible("#token-save").click();
    gone(By.id("token-dialog"));

    waitUntil(
        ExpectedConditions.textToBePresentInElementLocated(
            cell("nightly export", "scopes"), "Export"));
    assertThat(cellText("nightly export", "scopes")).isEqualTo("Export");
    assertThat(cellText("nightly export", "expires"))
        .contains("expires soon")
        .contains(BROWSER_ZONE_NAME);
    JsonNode token = service.session(login).get(ME + created.get("id").asText()).expect(200).json();
    assertThat(token.get("scopes").toString()).isEqualTo("[\"export\"]");
    assertThat(Instant.parse(token.get("expiresAt").asText()))
        .isEqualTo(inThreeDays.atZone(BROWSER_ZONE).toInstant());
  }

  @Test
  void aRefreshAsksFirstThenTheOldValueIsRefusedAndTheNewOneWorks() {
    String login = service.user("chris", "REST Services User");
    String oldValue =
        service
            .session(login)
            .createToken("collector", List.of("rest"), null)
            .get("secret")
            .asText();
    openAs(login, "/account");

    button("Refresh collector").click();
    assertThat(text("#confirm-dialog")).contains("stops working at once");
    visible("#confirm-cancel").click();
    gone(By.id("confirm-dialog"));
    service.api.self(oldValue).expect(200);

    button("Refresh collector").click();
    visible("#confirm-ok").click();
    String newValue = readValueOnceAndClose();

    assertThat(newValue).isNotEqualTo(oldValue);
    Api.Response refused = service.api.self(oldValue).expect(401);
    assertThat(refused.json().get("reason").asText()).isEqualTo("token_refreshed");
    service.api.self(newValue).expect(200);

    button("Recent failures of collector").click();
    WebElement failure = visible("tr.failure[data-reason='token_refreshed']");
    assertThat(failure.getText())
        .contains("Old value: replaced by a refresh")
        .contains("use the new value")
        .contains("GET /api/v1/tokens/self");
  }

  @Test
  void aDeleteAsksFirstThenTheTokenIsGone() {
    String login = service.user("dana", "REST Services User");
    String value =
        service
            .session(login)
            .createToken("old script", List.of("rest"), null)
            .get("secret")
            .asText();
    openAs(login, "/account");

    button("Delete old script").click();
    assertThat(text("#confirm-text")).contains("cannot be restored");
    visible("#confirm-dialog").sendKeys(Keys.ESCAPE);
    gone(By.id("confirm-dialog"));
    visible(row("old script"));

    button("Delete old script").click();
    visible("#confirm-ok").click();

    gone(row("old script"));
    visible("#tokens-empty");
    Api.Response refused = service.api.self(value).expect(401);
    assertThat(refused.json().get("reason").asText()).isEqualTo("token_deleted");
  }

  @Test
  void theFailuresOfATokenSayWhyInPlainWords() {
    String login = service.user("eve", "REST Services User");
    Api.Session session = service.session(login);
    String exportOnly =
        session.createToken("export only", List.of("export"), null).get("secret").asText();
    String shortLived =
        session
            .createToken("short lived", List.of("rest"), service.now().plusSeconds(60))
            .get("secret")
            .asText();
    service.api.self(exportOnly).expect(403);
    service.passTime(Duration.ofSeconds(61));
    service.api.self(shortLived).expect(401);
    openAs(login, "/account");

    assertThat(cellText("short lived", "expires")).contains("expired");
    button("Recent failures of export only").click();
    WebElement scope = visible("tr.failure[data-reason='scope_not_granted']");
    assertThat(scope.getText())
        .contains("Scope not granted to this token")
        .contains("does not have the scope rest (it has export)")
        .contains("127.0.0.1");
    button("Recent failures of short lived").click();
    WebElement expired = visible("tr.failure[data-reason='token_expired']");
    assertThat(expired.getText()).contains("The token has expired").contains("expired on");
    assertThat(expired.getText())
        .as("the instant of the server's message is shown in the browser's zone")
        .contains(BROWSER_ZONE_NAME)
        .doesNotContain("Z.");
    assertThat(text("#time-zone")).isEqualTo(BROWSER_ZONE.getId());

    button("Recent failures of export only").click();
    gone(By.cssSelector("tr.failure[data-reason='scope_not_granted']"));
  }

  @Test
  void aTokenIsCreatedWithTheKeyboardOnlyAndEscapeClosesTheValue() {
    String login = service.user("gina", "REST Services User");
    openAs(login, "/account");
    visible("#tokens-empty");

    visible("#new-token").sendKeys(Keys.ENTER);
    visible("#token-dialog");
    driver.switchTo().activeElement().sendKeys("typed by keyboard", Keys.ENTER);
    visible("#value-dialog");
    String value = visible("#token-value").getDomProperty("value");
    assertThat(driver.switchTo().activeElement().getAttribute("id")).isEqualTo("token-value");
    driver.switchTo().activeElement().sendKeys(Keys.ESCAPE);

    gone(By.id("value-dialog"));
    assertThat(driver.findElement(By.id("token-value")).getDomProperty("value")).isEmpty();
    visible(row("typed by keyboard"));
    service.api.self(value).expect(200);
  }

  @Test
  void myAccountWithTokensInEveryState() {
    String login = "jane.doe";
    service
        .admin()
        .createUser(login, RunningService.PASSWORD, List.of("REST Services User"), "Jane", "Doe");
    Api.Session session = service.session(login);
    String backup =
        session
            .createToken("backup script", List.of("rest", "export"), null)
            .get("secret")
            .asText();
    session.createToken(
        "nightly collector", List.of("synchro", "rest"), service.now().plus(Duration.ofDays(3)));
    session.createToken(
        "quarterly report", List.of("export"), service.now().plus(Duration.ofDays(60)));
    String shortLived =
        session
            .createToken("migration 2024", List.of("rest", "import"), service.now().plusSeconds(60))
            .get("secret")
            .asText();
    for (int i = 0; i < 3; i++) {
      service.api.self(backup).expect(200);
    }
    service.passTime(Duration.ofSeconds(61));
    service.api.self(shortLived).expect(401);
    openAs(login, "/account");

    assertThat(cellText("nightly collector", "expires")).contains("expires soon");
    assertThat(cellText("migration 2024", "expires")).contains("expired");
    assertThat(cellText("quarterly report", "expires"))
        .doesNotContain("expired")
        .doesNotContain("soon");
    assertThat(visible(row("migration 2024")).getAttribute("class")).contains("expired");
    assertThat(cellText("backup script", "use-count")).isEqualTo("3");
    button("Recent failures of migration 2024").click();
    visible("tr.failure[data-reason='token_expired']");
    new org.openqa.selenium.interactions.Actions(driver).moveToElement(visible("h1")).perform();
    assertThat(
            (Boolean)
                js(
                    "const w = document.querySelector('.table-wrap');"
                        + " return w.scrollWidth <= w.clientWidth;"))
        .as("the table fits a 1280 px wide window")
        .isTrue();
    // the picture of My account in the README (docs/screenshots/my-account.png) is this one
    screenshot("my-account");
  }

  @Test
  void aScopeAServiceRegisteredIsOfferedWhenATokenIsMade() {
    String login = service.user("carol", "REST Services User");
    String serviceToken =
        service
            .session(login)
            .createToken("billing service", List.of("introspect"), null)
            .get("secret")
            .asText();
    service
        .api
        .putWithToken(
            "/api/v1/scopes/billing:read",
            serviceToken,
            java.util.Map.of("description", "Read the invoices of the billing service"))
        .expect(200);
    openAs(login, "/account");

    visible("#new-token").click();
    fill("#token-application", "invoice reader");
    WebElement billing = visible("#token-scopes-billing-read");
    assertThat(billing.findElement(By.xpath("..")).getText())
        .contains("billing:read")
        .contains("Read the invoices of the billing service");
    check("#token-scopes-rest", false);
    check("#token-scopes-billing-read", true);
    visible("#token-save").click();
    String value = readValueOnceAndClose();

    assertThat(cellText("invoice reader", "scopes")).isEqualTo("billing:read");
    assertThat(value).startsWith("tksp_");
  }
}
