package dev.tokensmith.bootstrap.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** Signing in and out in a real browser. */
class SignInBrowserTest extends BrowserTest {

  @Test
  void aWrongPasswordShowsAnErrorAndStaysOnTheSignInPage() {
    String login = service.user("carol", "REST Services User");
    open("/");

    fill("#login", login);
    fill("#password", "not-the-password");
    visible("#login-submit").click();

    assertThat(text("#login-error")).isEqualTo("Wrong login or password.");
    assertThat(path()).isEqualTo("/");
    assertThat(visible("#password").getDomProperty("value")).isEmpty();
  }

  @Test
  void signingInLeadsToMyAccountWithTheUserAndTheirContact() {
    String login = service.user("dave", "REST Services User");
    open("/");

    fill("#login", login);
    fill("#password", RunningService.PASSWORD);
    visible("#login-submit").click();

    waitUntil(ExpectedConditions.urlToBe(service.base + "/account"));
    assertThat(text("#user-login")).isEqualTo(login);
    assertThat(text("#user-organization")).isEqualTo("My Company");
    assertThat(text("#user-profiles")).isEqualTo("REST Services User");
    assertThat(text("#contact-first-name")).isEqualTo("Jane");
    assertThat(text("#contact-name")).isEqualTo("Doe " + login);
    assertThat(text("#contact-email")).isEqualTo(login + "@example.com");
    assertThat(driver.findElement(By.id("admin-link")).isDisplayed()).isFalse();
  }

  @Test
  void aSignedInUserOpeningTheSignInPageGoesToMyAccountAndSignsOut() {
    String login = service.user("erin", "REST Services User");
    openAs(login, "/");
    waitUntil(ExpectedConditions.urlToBe(service.base + "/account"));
    visible("#user-login");

    visible("#logout").click();

    waitUntil(ExpectedConditions.urlToBe(service.base + "/"));
    visible("#login-form");
    open("/account");
    waitUntil(ExpectedConditions.urlToBe(service.base + "/"));
  }

  @Test
  void theSignInFormWorksWithTheKeyboardOnly() {
    String login = service.user("frank", "REST Services User");
    open("/");

    // autofocus puts the cursor in the login field; Enter in the password field submits
    driver.switchTo().activeElement().sendKeys(login);
    driver.switchTo().activeElement().sendKeys(org.openqa.selenium.Keys.TAB);
    driver.switchTo().activeElement().sendKeys(RunningService.PASSWORD);
    driver.switchTo().activeElement().sendKeys(org.openqa.selenium.Keys.ENTER);

    waitUntil(ExpectedConditions.urlToBe(service.base + "/account"));
    assertThat(text("#user-login")).isEqualTo(login);
  }
}
