package dev.tokensmith.bootstrap.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * A user with a few thousand personal tokens: My account and the administration page show one page
 * at a time, go forwards and back, and the administrators' search runs on the server.
 */
class PagingBrowserTest extends BrowserTest {
  private static final int TOKENS = 3_000;
  private static final int BACKUPS = TOKENS / 100;
  private static String login;

  @BeforeAll
  static void manyTokens() throws SQLException {
    login = service.user("many", "REST Services User");
    // one statement, as a large organization's table would be filled; every hundredth token is a
    // backup job, the ones the search looks for; token i was created i seconds after T0
    try (Connection connection = service.dataSource().getConnection();
        PreparedStatement fill =
            connection.prepareStatement(
                """
                INSERT INTO tokens (id, kind, owner_user_id, application, scopes, digest,
                                    created_at)
                SELECT gen_random_uuid(), 'personal', u.id,
                       CASE WHEN i % 100 = 0 THEN 'Nightly backup ' ELSE 'collector ' END || i,
                       ARRAY['rest'], 'hmac-sha256$k1$' || md5(i::text),
                       now() - interval '1 day' + i * interval '1 second'
                FROM users u, generate_series(0, ? - 1) AS i
                WHERE u.login = ?
                """)) {
      fill.setInt(1, TOKENS);
      fill.setString(2, login);
      assertThat(fill.executeUpdate()).isEqualTo(TOKENS);
    }
  }

  private static final By PERSONAL_PAGER =
      By.cssSelector("section[aria-labelledby='personal-title'] .pager");

  private static int rows(String tbody) {
    return driver.findElements(By.cssSelector("#" + tbody + " > tr:not(.details)")).size();
  }

  /**
   * The first column of the rows shown in {@code tbody}, read at once (the table may re-render).
   */
  @SuppressWarnings("unchecked")
  private static List<String> labels(String tbody) {
    return (List<String>)
        js(
            "return [...document.querySelectorAll(arguments[0])].map(t => t.textContent.trim());",
            "#" + tbody + " > tr:not(.details) > th");
  }

  @Test
  void myAccountShowsOnePageOfTokensAndPagesForwardAndBack() {
    openAs(login, "/account");
    waitUntil(d -> rows("tokens-body") == 20);
    List<String> first = labels("tokens-body");
    String status = text("#tokens-section .pager-status");
    assertThat(status).startsWith("1–20 of ").endsWith("tokens").doesNotContain("about");
    assertThat(status.replaceAll("[^0-9]", "")).isEqualTo("120" + TOKENS);

    visible("#tokens-section .pager-next").click();
    waitUntil(d -> text("#tokens-section .pager-status").startsWith("21–40 of "));
    assertThat(rows("tokens-body")).isEqualTo(20);
    assertThat(labels("tokens-body")).doesNotContainAnyElementsOf(first);

    visible("#tokens-section .pager-previous").click();
    waitUntil(d -> text("#tokens-section .pager-status").startsWith("1–20 of "));
    assertThat(labels("tokens-body")).isEqualTo(first);
    assertThat(visible("#tokens-section .pager-previous").isEnabled()).isFalse();
  }

  @Test
  void administratorsSearchEveryTokenByOwnerAndApplicationOnTheServer() {
    openAsAdmin("/admin");
    visible("#personal-table");
    fill("#filter-owner", login);
    fill("#filter-application", "BACKUP");
    visible("#filter-apply").click();
    // the 30 backup jobs, newest first: two pages, counted exactly
    visible(row("Nightly backup " + (TOKENS - 100)));
    waitUntil(d -> labels("personal-body").stream().allMatch(l -> l.startsWith("Nightly backup")));
    assertThat(rows("personal-body")).isEqualTo(20);
    assertThat(text("section[aria-labelledby='personal-title'] .pager-status"))
        .startsWith("1–20 of ")
        .endsWith(BACKUPS + " tokens");
    visible("section[aria-labelledby='personal-title'] .pager-next").click();
    visible(row("Nightly backup 0"));
    waitUntil(d -> rows("personal-body") == BACKUPS - 20);
    assertThat(labels("personal-body")).allMatch(l -> l.startsWith("Nightly backup"));
    assertThat(visible("section[aria-labelledby='personal-title'] .pager-next").isEnabled())
        .isFalse();

    fill("#filter-application", "");
    visible("#filter-apply").click();
    waitUntil(d -> labels("personal-body").contains("collector " + (TOKENS - 1)));
    assertThat(rows("personal-body")).isEqualTo(20);
    assertThat(driver.findElement(PERSONAL_PAGER).isDisplayed()).isTrue();
  }
}
