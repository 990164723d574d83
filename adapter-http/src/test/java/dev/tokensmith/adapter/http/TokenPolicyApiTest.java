package dev.tokensmith.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tokensmith.adapter.http.ApiServer.Res;
import dev.tokensmith.adapter.http.ApiServer.Session;
import dev.tokensmith.application.port.in.IssuedToken;
import dev.tokensmith.application.port.out.AuditEvent;
import dev.tokensmith.domain.account.Profile;
import dev.tokensmith.domain.account.User;
import io.vavr.control.Option;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The token policy through HTTP: each rule, bad input, and a tightening that lists the tokens that
 * no longer fit and honours the chosen deadline. The clock is the fixture's, moved by the tests.
 */
class TokenPolicyApiTest {
  private static final String DEFAULT_PROFILES =
      "[{\"profile\":\"Administrator\",\"scopes\":null},"
          + "{\"profile\":\"REST Services User\",\"scopes\":null}]";

  private ApiServer server;
  private User root;

  @BeforeEach
  void start() {
    server = ApiServer.start();
    root = server.administrator("root");
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private Session admin() {
    return server.logIn("root");
  }

  private static String policy(
      String maxLifetimeDays,
      boolean expiryRequired,
      String inactivityDays,
      long graceSeconds,
      String profiles,
      String stopAt) {
    return "{\"maxLifetimeDays\":"
        + maxLifetimeDays
        + ",\"expiryRequired\":"
        + expiryRequired
        + ",\"inactivityDays\":"
        + inactivityDays
        + ",\"refreshGraceSeconds\":"
        + graceSeconds
        + ",\"personalTokenProfiles\":"
        + profiles
        + (stopAt == null ? "" : ",\"affectedTokensStopAt\":" + stopAt)
        + "}";
  }

  private Res put(String body) {
    return server.request("PUT", "/api/v1/admin/policy").session(admin()).json(body).send();
  }

  private Res self(String token) {
    return server.get("/api/v1/tokens/self").authToken(token).send();
  }

  private Res create(Session session, String body) {
    return server.post("/api/v1/me/tokens").session(session).json(body).send();
  }

  @Test
  void administratorsReadThePolicyOfTheStartUpSettings() {
    Res read = server.get("/api/v1/admin/policy").session(admin()).send();

    assertThat(read.status()).as(read.toString()).isEqualTo(200);
    JsonNode policy = read.json();
    assertThat(policy.get("maxLifetimeDays").isNull()).isTrue();
    assertThat(policy.get("expiryRequired").asBoolean()).isFalse();
    assertThat(policy.get("inactivityDays").isNull()).isTrue();
    assertThat(policy.get("refreshGraceSeconds").asLong()).isZero();
    assertThat(policy.get("personalTokenProfiles").findValuesAsText("profile"))
        .containsExactlyInAnyOrder("Administrator", "REST Services User");
  }

  @Test
  void onlyAdministratorsReadOrChangeThePolicy() {
    server.restUser("rita");
    Session rita = server.logIn("rita");

    assertThat(server.get("/api/v1/admin/policy").session(rita).send().status()).isEqualTo(403);
    Res changed =
        server
            .request("PUT", "/api/v1/admin/policy")
            .session(rita)
            .json(policy("null", false, "null", 0, DEFAULT_PROFILES, null))
            .send();
    assertThat(changed.status()).isEqualTo(403);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"maxLifetimeDays\":0,\"expiryRequired\":false,\"inactivityDays\":null,\"refreshGraceSeconds\":0,\"personalTokenProfiles\":[{\"profile\":\"Administrator\",\"scopes\":null}]}|maxLifetimeDays",
        "{\"maxLifetimeDays\":\"90\",\"expiryRequired\":false,\"inactivityDays\":null,\"refreshGraceSeconds\":0,\"personalTokenProfiles\":[{\"profile\":\"Administrator\",\"scopes\":null}]}|maxLifetimeDays",
        "{\"expiryRequired\":false,\"inactivityDays\":null,\"refreshGraceSeconds\":0,\"personalTokenProfiles\":[{\"profile\":\"Administrator\",\"scopes\":null}]}|maxLifetimeDays",
        "{\"maxLifetimeDays\":null,\"expiryRequired\":\"yes\",\"inactivityDays\":null,\"refreshGraceSeconds\":0,\"personalTokenProfiles\":[{\"profile\":\"Administrator\",\"scopes\":null}]}|expiryRequired",
        "{\"maxLifetimeDays\":null,\"expiryRequired\":false,\"inactivityDays\":99999,\"refreshGraceSeconds\":0,\"personalTokenProfiles\":[{\"profile\":\"Administrator\",\"scopes\":null}]}|inactivityDays",
        "{\"maxLifetimeDays\":null,\"expiryRequired\":false,\"inactivityDays\":null,\"refreshGraceSeconds\":-1,\"personalTokenProfiles\":[{\"profile\":\"Administrator\",\"scopes\":null}]}|refreshGraceSeconds",
        "{\"maxLifetimeDays\":null,\"expiryRequired\":false,\"inactivityDays\":null,\"refreshGraceSeconds\":0,\"personalTokenProfiles\":[]}|personalTokenProfiles",
        "{\"maxLifetimeDays\":null,\"expiryRequired\":false,\"inactivityDays\":null,\"refreshGraceSeconds\":0,\"personalTokenProfiles\":[{\"profile\":\"Administrator\",\"scopes\":[\"nonsense\"]}]}|personalTokenProfiles",
        "{\"maxLifetimeDays\":null,\"expiryRequired\":false,\"inactivityDays\":null,\"refreshGraceSeconds\":0,\"personalTokenProfiles\":[{\"scopes\":null}]}|personalTokenProfiles[0].profile",
        "{\"maxLifetimeDays\":null,\"expiryRequired\":false,\"inactivityDays\":null,\"refreshGraceSeconds\":0,\"personalTokenProfiles\":[{\"profile\":\"Administrator\",\"scopes\":null}],\"affectedTokensStopAt\":\"tomorrow\"}|affectedTokensStopAt",
        "{\"maxLifetimeDays\":null,\"expiryRequired\":false,\"inactivityDays\":null,\"refreshGraceSeconds\":0,\"personalTokenProfiles\":[{\"profile\":\"Administrator\",\"scopes\":null}],\"affectedTokensStopAt\":\"2020-01-01T00:00:00Z\"}|affectedTokensStopAt",
        "{\"maxLifetimeDays\":null,\"expiryRequired\":false,\"inactivityDays\":null,\"refreshGraceSeconds\":0,\"personalTokenProfiles\":[{\"profile\":\"Administrator\",\"scopes\":null}],\"colour\":1}|colour",
      })
  void badInputIsRefusedNamingTheField(String body, String field) {
    Res refused = put(body);

    assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
    assertThat(refused.json().get("error").asText()).isEqualTo("invalid_input");
    assertThat(refused.json().get("message").asText()).startsWith(field);
  }

  @Test
  void aTokenLongerThanTheMaximumLifetimeIsRefusedNamingTheLimit() {
    assertThat(put(policy("30", false, "null", 0, DEFAULT_PROFILES, null)).status()).isEqualTo(200);
    server.restUser("rita");
    Instant tooLate = server.clock.instant().plus(Duration.ofDays(31));

    Res refused =
        create(
            server.logIn("rita"),
            "{\"application\":\"cron\",\"scopes\":[\"rest\"],\"expiresAt\":\"" + tooLate + "\"}");

    assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
    assertThat(refused.json().get("message").asText()).startsWith("expiresAt").contains("30 days");
  }

  @Test
  void anExpiryIsRequiredWhenThePolicySaysSo() {
    assertThat(put(policy("null", true, "null", 0, DEFAULT_PROFILES, null)).status())
        .isEqualTo(200);
    server.restUser("rita");
    Session rita = server.logIn("rita");

    Res refused = create(rita, "{\"application\":\"cron\",\"scopes\":[\"rest\"]}");
    Res accepted =
        create(
            rita,
            "{\"application\":\"cron\",\"scopes\":[\"rest\"],\"expiresAt\":\""
                + server.clock.instant().plus(Duration.ofDays(400))
                + "\"}");

    assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
    assertThat(refused.json().get("message").asText()).contains("expiresAt is required");
    assertThat(accepted.status()).as(accepted.toString()).isEqualTo(201);
  }

  @Test
  void eachProfileMayPutOnlyItsScopesOnAPersonalToken() {
    String restOnly =
        "[{\"profile\":\"Administrator\",\"scopes\":null},"
            + "{\"profile\":\"REST Services User\",\"scopes\":[\"rest\"]}]";
    assertThat(put(policy("null", false, "null", 0, restOnly, null)).status()).isEqualTo(200);
    server.restUser("rita");
    Session rita = server.logIn("rita");

    Res refused = create(rita, "{\"application\":\"cron\",\"scopes\":[\"rest\",\"export\"]}");
    Res accepted = create(rita, "{\"application\":\"cron\",\"scopes\":[\"rest\"]}");
    Res adminMay = create(admin(), "{\"application\":\"cron\",\"scopes\":[\"rest\",\"export\"]}");

    assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
    assertThat(refused.json().get("message").asText())
        .startsWith("scopes")
        .contains("export")
        .contains("allow: rest");
    assertThat(accepted.status()).isEqualTo(201);
    assertThat(adminMay.status()).isEqualTo(201);
  }

  @Test
  void aTokenUnusedForTheInactivityLimitIsRefusedAsInactive() {
    User rita = server.restUser("rita");
    String used = server.token(rita, "rest");
    String idle = server.token(rita, "rest");
    assertThat(self(used).status()).isEqualTo(200);
    Res saved = put(policy("null", false, "10", 0, DEFAULT_PROFILES, "\"now\""));
    assertThat(saved.status()).as(saved.toString()).isEqualTo(200);

    server.clock.advance(Duration.ofDays(6));
    assertThat(self(used).status()).isEqualTo(200);
    server.clock.advance(Duration.ofDays(5));

    Res refused = self(idle);
    assertThat(refused.status()).isEqualTo(401);
    assertThat(refused.json().get("reason").asText()).isEqualTo("token_inactive");
    assertThat(refused.header("WWW-Authenticate")).contains("error=\"invalid_token\"");
    assertThat(refused.json().get("message").asText()).contains("10 days");
    assertThat(self(used).status()).as("used 5 days ago").isEqualTo(200);
  }

  @Test
  void theRefreshGraceLetsTheReplacedValueWorkForItsSeconds() {
    assertThat(put(policy("null", false, "null", 60, DEFAULT_PROFILES, null)).status())
        .isEqualTo(200);
    User rita = server.restUser("rita");
    IssuedToken issued = server.issue(rita, "rest");
    String old = issued.value().reveal();
    Res refreshed =
        server
            .post("/api/v1/me/tokens/" + issued.summary().token().id().text() + "/refresh")
            .session(server.logIn("rita"))
            .send();
    assertThat(refreshed.status()).as(refreshed.toString()).isEqualTo(200);

    server.clock.advance(Duration.ofSeconds(59));
    assertThat(self(old).status()).isEqualTo(200);
    server.clock.advance(Duration.ofSeconds(1));
    assertThat(self(old).json().get("reason").asText()).isEqualTo("token_refreshed");
  }

  @Test
  void tighteningListsTheTokensThatNoLongerFitAndStopsThemAtTheChosenDeadline() {
    User rita = server.restUser("rita");
    IssuedToken forever = server.issue(rita, "rest");
    String value = forever.value().reveal();
    IssuedToken shortLived =
        server.issue(rita, Option.some(server.clock.instant().plus(Duration.ofDays(5))), "rest");
    Instant deadline = server.clock.instant().plus(Duration.ofDays(10));

    Res saved = put(policy("30", false, "null", 0, DEFAULT_PROFILES, "\"" + deadline + "\""));

    assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
    JsonNode answer = saved.json();
    assertThat(answer.get("affectedCount").asLong()).isEqualTo(1);
    JsonNode affected = answer.get("affected").get(0);
    String id = forever.summary().token().id().text();
    assertThat(affected.get("token").get("id").asText()).isEqualTo(id);
    assertThat(affected.get("reasons").findValuesAsText("code")).containsExactly("no_expiry");
    assertThat(affected.get("stopsAt").asText()).isEqualTo(deadline.toString());
    assertThat(answer.toString()).doesNotContain(shortLived.summary().token().id().text());
    // the owner sees it in My account
    Res mine = server.get("/api/v1/me/tokens/" + id).session(server.logIn("rita")).send();
    assertThat(mine.json().get("policyDeadline").asText()).isEqualTo(deadline.toString());
    // the notifications' seam: one audit event naming the deadline
    List<AuditEvent> events =
        server.tokensmith.audit.recentFor("rita", 10).stream()
            .filter(e -> e.action() == AuditEvent.Action.POLICY_DEADLINE)
            .toList();
    assertThat(events).hasSize(1);
    assertThat(events.get(0).detail()).startsWith(deadline.toString()).contains("no_expiry");

    server.clock.advance(Duration.ofDays(10).minusSeconds(1));
    assertThat(self(value).status()).as("until the deadline it works").isEqualTo(200);
    server.clock.advance(Duration.ofSeconds(1));
    Res stopped = self(value);
    assertThat(stopped.status()).isEqualTo(401);
    assertThat(stopped.json().get("reason").asText()).isEqualTo("token_expired");
    assertThat(stopped.json().get("message").asText()).contains("token policy");
  }

  @Test
  void aDryRunListsWithoutChangingAnything() {
    User rita = server.restUser("rita");
    String value = server.token(rita, "rest");

    Res preview =
        put(
            "{\"maxLifetimeDays\":30,\"expiryRequired\":false,\"inactivityDays\":null,"
                + "\"refreshGraceSeconds\":0,\"personalTokenProfiles\":"
                + DEFAULT_PROFILES
                + ",\"affectedTokensStopAt\":\"now\",\"dryRun\":true}");

    assertThat(preview.status()).as(preview.toString()).isEqualTo(200);
    assertThat(preview.json().get("dryRun").asBoolean()).isTrue();
    assertThat(preview.json().get("affectedCount").asLong()).isEqualTo(1);
    assertThat(self(value).status()).isEqualTo(200);
    assertThat(
            server
                .get("/api/v1/admin/policy")
                .session(admin())
                .send()
                .json()
                .get("version")
                .asLong())
        .isZero();
  }

  @Test
  void stoppingNowStopsTheTokensThatNoLongerFitAtOnce() {
    User rita = server.restUser("rita");
    String value = server.token(rita, "rest", "export");
    String restOnly =
        "[{\"profile\":\"Administrator\",\"scopes\":null},"
            + "{\"profile\":\"REST Services User\",\"scopes\":[\"rest\"]}]";

    Res saved = put(policy("null", false, "null", 0, restOnly, "\"now\""));

    assertThat(saved.json().get("affected").get(0).get("reasons").findValuesAsText("code"))
        .containsExactly("scope_not_allowed");
    assertThat(self(value).json().get("reason").asText()).isEqualTo("token_expired");
  }

  @Test
  void aRemovedProfileRetiresUntilTheDeadline() {
    User rita = server.restUser("rita");
    String value = server.token(rita, "rest");
    Instant deadline = server.clock.instant().plus(Duration.ofDays(3));

    Res saved =
        put(
            policy(
                "null",
                false,
                "null",
                0,
                "[{\"profile\":\"Administrator\",\"scopes\":null}]",
                "\"" + deadline + "\""));

    assertThat(saved.json().get("policy").get("retiringProfiles").get(0).get("profile").asText())
        .isEqualTo("REST Services User");
    assertThat(saved.json().get("affected").get(0).get("reasons").findValuesAsText("code"))
        .containsExactly("profile_not_allowed");
    assertThat(self(value).status()).isEqualTo(200);
    server.clock.advance(Duration.ofDays(3));
    assertThat(self(value).status()).isEqualTo(401);
    assertThat(server.user("rolf", Profile.REST_SERVICES_USER).login()).isEqualTo("rolf");
    Res refused = create(server.logIn("rolf"), "{\"application\":\"x\",\"scopes\":[\"rest\"]}");
    assertThat(refused.status()).isEqualTo(403);
  }

  @Test
  void aStaleVersionIsAConflict() {
    Res first = put(policy("90", false, "null", 0, DEFAULT_PROFILES, null));
    assertThat(first.json().get("policy").get("version").asLong()).isEqualTo(1);

    Res stale =
        put(
            "{\"version\":0,"
                + policy("60", false, "null", 0, DEFAULT_PROFILES, null).substring(1));

    assertThat(stale.status()).as(stale.toString()).isEqualTo(409);
  }

  @Test
  void anOwnerWhoMakesTheTokenFitLiftsItsDeadline() {
    User rita = server.restUser("rita");
    IssuedToken forever = server.issue(rita, "rest");
    String id = forever.summary().token().id().text();
    assertThat(put(policy("30", false, "null", 0, DEFAULT_PROFILES, null)).status()).isEqualTo(200);
    Session session = server.logIn("rita");
    assertThat(
            server
                .get("/api/v1/me/tokens/" + id)
                .session(session)
                .send()
                .json()
                .get("policyDeadline")
                .isNull())
        .isFalse();

    Res fixed =
        server
            .patch("/api/v1/me/tokens/" + id)
            .session(session)
            .json("{\"expiresAt\":\"" + server.clock.instant().plus(Duration.ofDays(20)) + "\"}")
            .send();

    assertThat(fixed.status()).as(fixed.toString()).isEqualTo(200);
    assertThat(fixed.json().get("policyDeadline").isNull()).isTrue();
    assertThat(
            server
                .get("/api/v1/me/tokens/" + id)
                .session(session)
                .send()
                .json()
                .get("policyDeadline")
                .isNull())
        .isTrue();
  }
}
