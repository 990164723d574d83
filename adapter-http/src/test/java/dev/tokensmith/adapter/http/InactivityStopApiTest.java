package dev.tokensmith.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tokensmith.adapter.http.ApiServer.Res;
import dev.tokensmith.application.port.in.IssuedToken;
import dev.tokensmith.domain.account.User;
import io.vavr.control.Option;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A token the inactivity limit will stop shows when in {@code policyDeadline}, with {@code
 * policyDeadlineReason: inactivity}: its last activity plus the limit, the instant from which the
 * authentication refuses it {@code token_inactive}.
 */
class InactivityStopApiTest {
  private static final String POLICY =
      "{\"maxLifetimeDays\":null,\"expiryRequired\":false,\"inactivityDays\":30,"
          + "\"refreshGraceSeconds\":0,\"personalTokenProfiles\":"
          + "[{\"profile\":\"Administrator\",\"scopes\":null},"
          + "{\"profile\":\"REST Services User\",\"scopes\":null}]}";

  private ApiServer server;
  private User rita;

  @BeforeEach
  void start() {
    server = ApiServer.start();
    server.administrator("root");
    rita = server.restUser("rita");
    Res saved =
        server
            .request("PUT", "/api/v1/admin/policy")
            .session(server.logIn("root"))
            .json(POLICY)
            .send();
    assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private JsonNode mine(IssuedToken token) {
    Res list = server.get("/api/v1/me/tokens").session(server.logIn("rita")).send();
    assertThat(list.status()).as(list.toString()).isEqualTo(200);
    String id = token.summary().token().id().text();
    for (JsonNode view : list.json()) {
      if (view.get("id").asText().equals(id)) {
        return view;
      }
    }
    throw new AssertionError("token " + id + " not listed: " + list);
  }

  private Res self(IssuedToken token) {
    return server.get("/api/v1/tokens/self").authToken(token.value().reveal()).send();
  }

  @Test
  void anUnusedTokenStopsItsCreationPlusTheLimitLaterAndAUseMovesTheDate() {
    Instant created = server.clock.instant();
    IssuedToken token = server.issue(rita, "rest");

    JsonNode view = mine(token);
    assertThat(Instant.parse(view.get("policyDeadline").asText()))
        .isEqualTo(created.plus(Duration.ofDays(30)));
    assertThat(view.get("policyDeadlineReason").asText()).isEqualTo("inactivity");
    assertThat(view.get("expired").asBoolean()).isFalse();

    server.clock.advance(Duration.ofDays(5));
    Instant used = server.clock.instant();
    assertThat(self(token).status()).isEqualTo(200);

    view = mine(token);
    assertThat(Instant.parse(view.get("policyDeadline").asText()))
        .isEqualTo(used.plus(Duration.ofDays(30)));
    assertThat(view.get("policyDeadlineReason").asText()).isEqualTo("inactivity");
  }

  @Test
  void theDateShownIsTheFirstInstantTheAuthenticationRefusesTheTokenAsInactive() {
    IssuedToken token = server.issue(rita, "rest");
    Instant stops = Instant.parse(mine(token).get("policyDeadline").asText());

    server.clock.advance(Duration.between(server.clock.instant(), stops).minusSeconds(1));
    assertThat(mine(token).get("expired").asBoolean()).isFalse();
    assertThat(mine(token).get("expiresSoon").asBoolean()).as("within 7 days").isTrue();

    server.clock.advance(Duration.ofSeconds(1));
    assertThat(mine(token).get("expired").asBoolean()).as("refused from then on").isTrue();
    Res refused = self(token);
    assertThat(refused.status()).isEqualTo(401);
    assertThat(refused.json().get("reason").asText()).isEqualTo("token_inactive");
  }

  @Test
  void aTokenExpiringBeforeTheEndOfItsInactivityLimitShowsOnlyItsExpiry() {
    IssuedToken shortLived =
        server.issue(rita, Option.some(server.clock.instant().plus(Duration.ofDays(10))), "rest");

    JsonNode view = mine(shortLived);
    assertThat(view.get("policyDeadline").isNull()).isTrue();
    assertThat(view.get("policyDeadlineReason").isNull()).isTrue();
    assertThat(view.get("expiresAt").isNull()).isFalse();
  }

  @Test
  void theSingleTokenViewsOfOwnerAndAdministratorShowTheSameDateAndReason() {
    IssuedToken token = server.issue(rita, "rest");
    String id = token.summary().token().id().text();
    String expected = mine(token).get("policyDeadline").asText();

    Res own = server.get("/api/v1/me/tokens/" + id).session(server.logIn("rita")).send();
    Res admin =
        server.get("/api/v1/admin/personal-tokens/" + id).session(server.logIn("root")).send();

    for (Res res : new Res[] {own, admin}) {
      assertThat(res.status()).as(res.toString()).isEqualTo(200);
      assertThat(res.json().get("policyDeadline").asText()).isEqualTo(expected);
      assertThat(res.json().get("policyDeadlineReason").asText()).isEqualTo("inactivity");
    }
  }

  @Test
  void withoutAnInactivityLimitNoDateIsShown() {
    Res relaxed =
        server
            .request("PUT", "/api/v1/admin/policy")
            .session(server.logIn("root"))
            .json(POLICY.replace("\"inactivityDays\":30", "\"inactivityDays\":null"))
            .send();
    assertThat(relaxed.status()).as(relaxed.toString()).isEqualTo(200);
    IssuedToken token = server.issue(rita, "rest");

    assertThat(mine(token).get("policyDeadline").isNull()).isTrue();
  }
}
