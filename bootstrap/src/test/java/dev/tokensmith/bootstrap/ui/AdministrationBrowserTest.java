package dev.tokensmith.bootstrap.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** Administration in a real browser, signed in as the first administrator. */
class AdministrationBrowserTest extends BrowserTest {

  static String valueShownOnce(String prefix) {
    WebElement dialog = visible("#value-dialog");
    assertThat(dialog.getText()).contains("it will not be shown again");
    String value = visible("#token-value").getDomProperty("value");
    assertThat(value).startsWith(prefix).hasSize(76);
    visible("#value-close").click();
    gone(By.id("value-dialog"));
    assertThat(driver.findElement(By.id("token-value")).getDomProperty("value")).isEmpty();
    return value;
  }

  @Test
  void aUserIsCreatedEditedGivenANewPasswordAndDeleted() {
    String login = service.fresh("newcomer");
    openAsAdmin("/admin");
    visible(row(RunningService.ADMIN));

    visible("#new-user").click();
    fill("#user-login", login);
    fill("#user-password", "first-password-1");
    fill("#user-organization", "My Company");
    fill("#user-first-name", "Nora");
    fill("#user-name", "Newcomer");
    fill("#user-email", login + "@example.com");
    visible("#user-save").click();
    gone(By.id("user-dialog"));

    assertThat(rowText(login))
        .contains("Nora Newcomer")
        .contains("REST Services User")
        .contains("enabled");
    service.api.logIn(login, "first-password-1").expect(200);

    button("Edit " + login).click();
    assertThat(visible("#user-login").isEnabled()).isFalse();
    check("#user-profiles-3", true); // Directory Reader
    check("#user-profiles-1", false); // REST Services User
    fill("#user-name", "Renamed");
    visible("#user-save").click();
    gone(By.id("user-dialog"));
    waitUntil(ExpectedConditions.textToBePresentInElementLocated(row(login), "Renamed"));
    assertThat(rowText(login)).contains("Directory Reader").doesNotContain("REST Services User");

    button("Reset the password of " + login).click();
    fill("#new-password", "second-password-2");
    visible("#password-save").click();
    gone(By.id("password-dialog"));
    assertThat(text("#page-notice")).isEqualTo("The password of " + login + " was reset.");
    service.api.logIn(login, "second-password-2").expect(200);

    button("Delete " + login).click();
    assertThat(text("#confirm-text")).contains("all of their personal tokens");
    visible("#confirm-ok").click();
    gone(row(login));
    service.admin().get("/api/v1/admin/users/" + login).expect(404);
  }

  @Test
  void aMistakeInTheUserFormIsExplainedInTheDialog() {
    openAsAdmin("/admin");

    visible("#new-user").click();
    fill("#user-login", service.fresh("typo"));
    fill("#user-password", "short");
    fill("#user-organization", "My Company");
    fill("#user-first-name", "Tim");
    fill("#user-name", "Typo");
    fill("#user-email", "tim@example.com");
    visible("#user-save").click();

    assertThat(text("#user-form-error")).contains("password").contains("8");
    assertThat(visible("#user-dialog").isDisplayed()).isTrue();
    visible("#user-cancel").click();
    gone(By.id("user-dialog"));
  }

  @Test
  void anApplicationTokenIsCreatedEditedRefreshedAndDeleted() {
    String login = service.fresh("monitoring");
    openAsAdmin("/admin");

    visible("#new-app").click();
    fill("#app-login", login);
    fill("#app-organization", "My Company");
    assertThat(driver.findElement(By.id("app-status-field")).isDisplayed()).isFalse();
    visible("#app-save").click();
    String value = valueShownOnce("tksa_");

    assertThat(rowText(login)).contains("My Company").contains("REST Services User");
    Api.Response self = service.api.self(value).expect(200);
    assertThat(self.json().get("login").asText()).isEqualTo(login);

    button("Edit " + login).click();
    check("#app-scopes-export", true);
    visible("#app-save").click();
    gone(By.id("app-dialog"));
    waitUntil(ExpectedConditions.textToBePresentInElementLocated(cell(login, "scopes"), "Export"));
    driver.navigate().refresh();
    assertThat(cellText(login, "use-count")).isEqualTo("1");

    button("Refresh " + login).click();
    assertThat(text("#confirm-text")).contains("stops working at once");
    visible("#confirm-ok").click();
    String newValue = valueShownOnce("tksa_");
    assertThat(service.api.self(value).expect(401).json().get("reason").asText())
        .isEqualTo("token_refreshed");
    service.api.self(newValue).expect(200);

    button("Delete " + login).click();
    visible("#confirm-ok").click();
    gone(row(login));
  }

  @Test
  void everyPersonalTokenIsFilteredByOwnerAndExpiryAndDeleted() {
    String owner = service.user("owner", "REST Services User");
    String other = service.user("other", "REST Services User");
    Api.Session ownerSession = service.session(owner);
    ownerSession.createToken(
        owner + " soon", List.of("rest"), service.now().plus(Duration.ofDays(2)));
    ownerSession.createToken(
        owner + " later", List.of("rest"), service.now().plus(Duration.ofDays(90)));
    service.session(other).createToken(other + " forever", List.of("export"), null);
    openAsAdmin("/admin");
    visible(row(other + " forever"));

    fill("#filter-owner", owner);
    visible("#filter-apply").click();
    gone(row(other + " forever"));
    visible(row(owner + " soon"));
    visible(row(owner + " later"));
    assertThat(cellText(owner + " soon", "owner")).isEqualTo(owner);

    check("#filter-expiring", true);
    visible("#filter-apply").click();
    gone(row(owner + " later"));
    assertThat(cellText(owner + " soon", "expires")).contains("expires soon");

    button("Delete " + owner + " soon").click();
    visible("#confirm-ok").click();
    gone(row(owner + " soon"));
    visible("#personal-empty");

    visible("#filter-clear").click();
    visible(row(other + " forever"));
    visible(row(owner + " later"));
    assertThat(ownerSession.get("/api/v1/me/tokens").json().size()).isEqualTo(1);
  }
}
