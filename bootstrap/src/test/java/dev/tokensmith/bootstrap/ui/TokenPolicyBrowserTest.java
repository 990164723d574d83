package dev.tokensmith.bootstrap.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The administrator edits the token policy in a real browser, previews and saves a tighter one, and
 * sees the tokens that no longer fit; their owner sees when the token stops in My account.
 */
class TokenPolicyBrowserTest extends BrowserTest {

  @Test
  void theAdministratorTightensThePolicyAndSeesTheTokensThatNoLongerFit() {
    String owner = service.user("policy", "REST Services User");
    String id =
        service
            .session(owner)
            .createToken("nightly export", List.of("rest"), null)
            .get("token")
            .get("id")
            .asText();
    ObjectNode before = (ObjectNode) service.admin().get("/api/v1/admin/policy").expect(200).json();
    long version = before.get("version").asLong();
    try {
      openAsAdmin("/admin");
      waitUntil(d -> !d.findElement(By.id("policy-grace")).getDomProperty("value").isEmpty());
      fill("#policy-max-lifetime", "30");
      LocalDateTime stop =
          LocalDateTime.now(BROWSER_ZONE).plusDays(10).truncatedTo(ChronoUnit.MINUTES);
      setDateTime("#policy-stop-at", stop);
      Instant stopInstant = stop.atZone(BROWSER_ZONE).toInstant();

      visible("#policy-preview").click();
      waitUntil(
          ExpectedConditions.textToBePresentInElementLocated(
              By.id("policy-result"), "would no longer fit"));
      By affected = By.cssSelector("#policy-affected tr[data-token='" + id + "']");
      assertThat(visible(affected).getText())
          .contains("nightly export")
          .contains(owner)
          .contains("it has no expiry");
      assertThat(
              service
                  .admin()
                  .get("/api/v1/admin/policy")
                  .expect(200)
                  .json()
                  .get("version")
                  .asLong())
          .as("a preview changes nothing")
          .isEqualTo(version);

      visible("#policy-save").click();
      waitUntil(
          ExpectedConditions.textToBePresentInElementLocated(
              By.id("policy-result"), "Policy saved"));
      assertThat(visible(affected).getText()).contains(owner).contains("it has no expiry");
      JsonNode stored = service.admin().get("/api/v1/admin/policy").expect(200).json();
      assertThat(stored.get("maxLifetimeDays").asInt()).isEqualTo(30);
      assertThat(stored.get("version").asLong()).isEqualTo(version + 1);
      JsonNode token = service.session(owner).get("/api/v1/me/tokens/" + id).expect(200).json();
      assertThat(Instant.parse(token.get("policyDeadline").asText())).isEqualTo(stopInstant);

      openAs(owner, "/account");
      assertThat(visible(".policy-deadline").getText())
          .startsWith("stops on")
          .endsWith("because of the token policy");
    } finally {
      // the service is shared by the browser tests: put the policy back (tokens fit again)
      before.remove("version");
      service.admin().put("/api/v1/admin/policy", before).expect(200);
    }
    assertThat(
            service
                .session(owner)
                .get("/api/v1/me/tokens/" + id)
                .expect(200)
                .json()
                .get("policyDeadline")
                .isNull())
        .as("a relaxed policy lifts the deadline of a token that fits again")
        .isTrue();
  }
}
