package dev.tokensmith.bootstrap.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * A token that only the inactivity limit will stop shows in My account when it stops unless used
 * before, as the API's {@code policyDeadline} says.
 */
class InactivityStopBrowserTest extends BrowserTest {

  @Test
  void myAccountShowsWhenTheInactivityLimitStopsAnUnusedToken() {
    String owner = service.user("idle", "REST Services User");
    JsonNode created =
        service.session(owner).createToken("rarely used", List.of("rest"), null).get("token");
    String id = created.get("id").asText();
    ObjectNode before = (ObjectNode) service.admin().get("/api/v1/admin/policy").expect(200).json();
    ObjectNode tighter = before.deepCopy();
    tighter.remove("version");
    tighter.remove("inactivityCountsFrom");
    tighter.remove("retiringProfiles");
    tighter.put("inactivityDays", 30);
    try {
      service.admin().put("/api/v1/admin/policy", tighter).expect(200);
      JsonNode token = service.session(owner).get("/api/v1/me/tokens/" + id).expect(200).json();
      assertThat(token.get("policyDeadlineReason").asText()).isEqualTo("inactivity");
      Instant stops = Instant.parse(token.get("policyDeadline").asText());
      // counted from the creation, or from when the limit came in (the save), whichever is later
      assertThat(stops)
          .isAfterOrEqualTo(
              Instant.parse(created.get("createdAt").asText()).plus(Duration.ofDays(30)));

      openAs(owner, "/account");
      WebElement notice =
          visible(
              By.cssSelector(
                  "tr[data-id='"
                      + id
                      + "'] .policy-deadline[data-policy-deadline-reason='inactivity']"));
      assertThat(notice.getText())
          .startsWith("stops on")
          .endsWith("unless used before: the token policy stops tokens unused for a while");
      assertThat(Instant.parse(notice.getDomAttribute("data-policy-deadline"))).isEqualTo(stops);
    } finally {
      // the service is shared by the browser tests: put the policy back
      before.remove("version");
      before.remove("inactivityCountsFrom");
      before.remove("retiringProfiles");
      service.admin().put("/api/v1/admin/policy", before).expect(200);
    }
  }
}
