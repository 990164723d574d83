package dev.tokensmith.bootstrap.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Who reaches which page, markup in names shown as text, the explanation for users who may not own
 * tokens, and the pages on a 375 px wide phone.
 */
class UiSecurityAndLayoutBrowserTest extends BrowserTest {
  static final String MARKUP = "<img src=x onerror=alert(1)>";

  @Test
  void aUserWhoIsNotAnAdministratorCannotReachAdministration() {
    String login = service.user("plain", "REST Services User");
    openAs(login, "/account");
    visible("#user-login");
    assertThat(driver.findElement(By.id("admin-link")).isDisplayed()).isFalse();

    open("/admin");

    assertThat(path()).isEqualTo("/admin");
    assertThat(text("h1")).isEqualTo("Administrators only");
    assertThat(driver.findElements(By.id("users-table"))).isEmpty();
    assertThat(driver.getPageSource()).doesNotContain("admin.js");
    assertThat(service.api.get("/admin").status()).as("without a session").isEqualTo(303);
  }

  @Test
  void aUserWithoutAPersonalTokenProfileSeesWhyTheSectionIsUnavailable() {
    String login = service.user("reader", "Directory Reader");
    openAs(login, "/account");

    String notice = text("#tokens-unavailable");
    assertThat(notice)
        .contains("Personal tokens are only for users holding a profile allowed to own them")
        .contains("Directory Reader")
        .contains("Ask an administrator");
    assertThat(driver.findElement(By.id("new-token")).isDisplayed()).isFalse();
    assertThat(driver.findElement(By.id("tokens-table")).isDisplayed()).isFalse();
    assertThat(driver.findElement(By.id("tokens-empty")).isDisplayed()).isFalse();
  }

  @Test
  void markupInAnApplicationAndAContactNameIsShownAsText() {
    String login = service.fresh("mallory");
    service
        .admin()
        .createUser(login, RunningService.PASSWORD, List.of("REST Services User"), MARKUP, MARKUP);
    service.session(login).createToken(MARKUP, List.of("rest"), null);

    openAs(login, "/account");
    assertThat(text("#contact-first-name")).isEqualTo(MARKUP);
    assertThat(text("#contact-name")).isEqualTo(MARKUP);
    assertThat(rowText(MARKUP)).contains(MARKUP);
    button("Edit " + MARKUP).click();
    assertThat(text("#token-dialog-title")).isEqualTo("Edit " + MARKUP);
    visible("#token-cancel").click();
    assertThat(driver.findElements(By.tagName("img"))).isEmpty();
    assertThat(alertShown()).isFalse();

    openAsAdmin("/admin");
    assertThat(rowText(login)).contains(MARKUP + " " + MARKUP);
    assertThat(rowText(MARKUP)).contains(login);
    assertThat(driver.findElements(By.tagName("img"))).isEmpty();
    assertThat(alertShown()).isFalse();
  }

  @Test
  void thePagesFitA375PixelWideScreen() throws InterruptedException {
    String login = service.user("phone", "REST Services User");
    Api.Session session = service.session(login);
    String value =
        session
            .createToken("a script with a rather long name", List.of("rest", "export"), null)
            .get("secret")
            .asText();
    session.createToken("export only", List.of("export"), null);
    service.api.self(value).expect(200);
    emulateWidth(375);

    open("/");
    visible("#login-form");
    assertFits("sign-in page");

    openAs(login, "/account");
    visible(row("a script with a rather long name"));
    button("Recent failures of export only").click();
    visible("#tokens-body .details p, #tokens-body .details table");
    assertFits("My account");
    visible("#new-token").click();
    visible("#token-dialog");
    assertFits("the new token dialog");
    screenshot("thePagesFitA375PixelWideScreen-dialog");
    visible("#token-cancel").click();

    openAsAdmin("/admin");
    visible(row(RunningService.ADMIN));
    visible(row("a script with a rather long name"));
    assertFits("Administration");
  }

  private static void assertFits(String page) {
    assertThat(((Number) js("return window.innerWidth;")).intValue()).isEqualTo(375);
    assertThat(((Number) js("return document.documentElement.scrollWidth;")).intValue())
        .as(page + " scrolls sideways")
        .isLessThanOrEqualTo(375);
    assertThat(
            (Boolean)
                js(
                    "return [...document.querySelectorAll('.table-wrap, dialog[open]')]"
                        + ".every(box => box.scrollWidth <= box.clientWidth);"))
        .as(page + ": a table or dialog scrolls sideways inside the page")
        .isTrue();
  }
}
