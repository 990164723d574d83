package dev.tokensmith.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tokensmith.adapter.http.ApiServer.Res;
import dev.tokensmith.application.fake.InMemoryTokensmith;
import dev.tokensmith.application.port.in.IssuedToken;
import dev.tokensmith.application.port.in.TokenCommand;
import dev.tokensmith.application.port.in.UserFields;
import dev.tokensmith.application.service.TokensmithCore;
import dev.tokensmith.domain.account.Profile;
import dev.tokensmith.domain.account.User;
import dev.tokensmith.domain.authentication.AuthenticationPolicy;
import dev.tokensmith.domain.token.TokenCodec;
import dev.tokensmith.domain.token.TokenId;
import dev.tokensmith.domain.token.TokenKind;
import io.vavr.control.Option;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Every failure reason of DESIGN §2, reached through real requests. */
class AuthenticationFailuresTest {
  static final String SELF = "/api/v1/tokens/self";
  static final TokenCodec CODEC = new TokenCodec(TokenCodec.DEFAULT_PREFIX);

  static ApiServer server;
  static User admin;

  @BeforeAll
  static void start() {
    server = ApiServer.start();
    admin = server.administrator("root");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static void assertRefused(Res response, int status, String reason, String bearerError) {
    assertThat(response.status()).as(response.toString()).isEqualTo(status);
    JsonNode body = response.json();
    assertThat(Json.fieldNames(body)).containsExactly("error", "reason", "message");
    assertThat(body.get("error").asText()).isEqualTo(bearerError);
    assertThat(body.get("reason").asText()).isEqualTo(reason);
    assertThat(body.get("message").asText()).isNotBlank();
    assertThat(response.header("WWW-Authenticate"))
        .startsWith(
            "Bearer realm=\"tokensmith\", error=\"" + bearerError + "\", error_description=\"");
  }

  static String randomSecretFor(TokenId id) {
    return ApiServer.randomSecretFor(id);
  }

  @Test
  void missingCredentialsAre401WithABareChallenge() {
    Res response = server.get(SELF).send();
    assertThat(response.status()).isEqualTo(401);
    assertThat(response.header("WWW-Authenticate")).isEqualTo("Bearer realm=\"tokensmith\"");
    assertThat(response.json().get("error").asText()).isEqualTo("unauthorized");
    assertThat(response.json().get("reason").asText()).isEqualTo("missing_credentials");
  }

  @Test
  void twoDifferentTokensAreAmbiguous() {
    User alice = server.restUser(server.fresh("alice"));
    Res response =
        server
            .get(SELF + "?auth_token=" + server.token(alice, "rest"))
            .authToken(server.token(alice, "rest"))
            .send();
    assertRefused(response, 400, "ambiguous_credentials", "invalid_request");
  }

  @Test
  void malformedTokenIsRefusedWithWhatIsWrong() {
    Res response = server.get(SELF).bearer("tksp_not-a-token").send();
    assertRefused(response, 401, "malformed_token", "invalid_token");
    assertThat(response.json().get("message").asText()).contains("characters");
    assertThat(response.body()).doesNotContain("tksp_not-a-token");
  }

  @Test
  void unknownTokenIsRefused() {
    Res response =
        server.get(SELF).authToken(randomSecretFor(TokenId.of(UUID.randomUUID()))).send();
    assertRefused(response, 401, "unknown_token", "invalid_token");
  }

  @Test
  void wrongSecretIsRefused() {
    User alice = server.restUser(server.fresh("alice"));
    TokenId id = server.issue(alice, "rest").summary().token().id();
    assertRefused(
        server.get(SELF).authToken(randomSecretFor(id)).send(),
        401,
        "wrong_secret",
        "invalid_token");
  }

  @Test
  void deletedTokenIsReportedAsDeleted() {
    User alice = server.restUser(server.fresh("alice"));
    IssuedToken issued = server.issue(alice, "rest");
    server.tokensmith.core.tokens.deleteToken(
        new TokenCommand(alice, TokenKind.PERSONAL, issued.summary().token().id()));
    Res response = server.get(SELF).authToken(issued.value().reveal()).send();
    assertRefused(response, 401, "token_deleted", "invalid_token");
    assertThat(response.json().get("message").asText())
        .contains(InMemoryTokensmith.START.toString());
  }

  @Test
  void refreshedValueIsReportedAsRefreshed() {
    User alice = server.restUser(server.fresh("alice"));
    IssuedToken issued = server.issue(alice, "rest");
    server.tokensmith.core.tokens.refreshToken(
        new TokenCommand(alice, TokenKind.PERSONAL, issued.summary().token().id()));
    assertRefused(
        server.get(SELF).authToken(issued.value().reveal()).send(),
        401,
        "token_refreshed",
        "invalid_token");
  }

  @Test
  void expiredTokenIsRefusedWithItsExpiryTime() {
    User alice = server.restUser(server.fresh("alice"));
    IssuedToken issued =
        server.issue(
            alice, Option.some(InMemoryTokensmith.START.plus(Duration.ofHours(1))), "rest");
    assertThat(server.get(SELF).authToken(issued.value().reveal()).send().status()).isEqualTo(200);
    server.clock.advance(Duration.ofHours(2));
    try {
      Res response = server.get(SELF).authToken(issued.value().reveal()).send();
      assertRefused(response, 401, "token_expired", "invalid_token");
      assertThat(response.json().get("message").asText()).contains("2026-01-15T10:00:00Z");
    } finally {
      server.clock.set(InMemoryTokensmith.START);
    }
  }

  @Test
  void disabledUsersTokenIsRefused() {
    String login = server.fresh("alice");
    User alice = server.restUser(login);
    String token = server.token(alice, "rest");
    server.tokensmith.core.users.editUser(
        admin,
        login,
        new UserFields(
            Option.none(),
            Option.some("disabled"),
            Option.none(),
            Option.none(),
            Option.none(),
            Option.none(),
            Option.none()));
    assertRefused(
        server.get(SELF).authToken(token).send(), 401, "principal_disabled", "invalid_token");
  }

  @Test
  void ownerWhoLostThePersonalTokenProfilesIsRefused() {
    String login = server.fresh("alice");
    User alice = server.restUser(login);
    String token = server.token(alice, "rest");
    server.tokensmith.core.users.editUser(
        admin,
        login,
        new UserFields(
            Option.none(),
            Option.none(),
            Option.none(),
            Option.some(Set.of("Directory Reader")),
            Option.none(),
            Option.none(),
            Option.none()));
    assertRefused(
        server.get(SELF).authToken(token).send(), 403, "profile_not_allowed", "insufficient_scope");
  }

  @Test
  void tokenWithoutScopeRestIsRefusedNamingTheScope() {
    User alice = server.restUser(server.fresh("alice"));
    Res response = server.get("/api/v1/me").authToken(server.token(alice, "export")).send();
    assertRefused(response, 403, "scope_not_granted", "insufficient_scope");
    assertThat(response.header("WWW-Authenticate")).endsWith(", scope=\"rest\"");
  }

  @Test
  void restCallsByPrincipalsWithoutTheRestProfileAreRefusedWhenRestIsSecured() {
    User administratorOnly = server.user(server.fresh("boss"), Profile.ADMINISTRATOR);
    assertRefused(
        server.get(SELF).authToken(server.token(administratorOnly, "rest")).send(),
        403,
        "rest_profile_required",
        "insufficient_scope");
  }

  @Test
  void applicationTokenAuthenticatesAsItself() {
    IssuedToken app =
        server.applicationToken(
            admin, server.fresh("billing"), Set.of("REST Services User"), "rest");
    Res self = server.get(SELF).bearer(app.value().reveal()).send();
    assertThat(self.status()).isEqualTo(200);
    assertThat(self.json().get("kind").asText()).isEqualTo("application");
    assertThat(Json.fieldNames(self.json()))
        .containsSubsequence("id", "kind", "login", "status", "organization", "profiles", "scopes")
        .doesNotContain("application", "owner");
  }

  /** {@code allow_rest_services_via_tokens} on: personal tokens are exempt, applications not. */
  @Nested
  class WhenRestServicesAreAllowedViaTokens {
    @Test
    void personalTokensAreExemptButApplicationTokensAreNot() {
      try (ApiServer allowing =
          ApiServer.start(
              settings(new AuthenticationPolicy(personalProfiles(), true, true)), s -> s)) {
        User boss = allowing.user("boss", Profile.ADMINISTRATOR);
        assertThat(allowing.get(SELF).authToken(allowing.token(boss, "rest")).send().status())
            .isEqualTo(200);
        IssuedToken app = allowing.applicationToken(boss, "billing", Set.of(), "rest");
        assertRefused(
            allowing.get(SELF).authToken(app.value().reveal()).send(),
            403,
            "rest_profile_required",
            "insufficient_scope");
      }
    }
  }

  /** {@code secure_rest_services} off: nobody needs the REST profile. */
  @Nested
  class WhenRestServicesAreNotSecured {
    @Test
    void principalsWithoutTheRestProfilePass() {
      try (ApiServer open =
          ApiServer.start(
              settings(new AuthenticationPolicy(personalProfiles(), false, false)), s -> s)) {
        User boss = open.user("boss", Profile.ADMINISTRATOR);
        assertThat(open.get(SELF).authToken(open.token(boss, "rest")).send().status())
            .isEqualTo(200);
        IssuedToken app = open.applicationToken(boss, "billing", Set.of(), "rest");
        assertThat(open.get(SELF).authToken(app.value().reveal()).send().status()).isEqualTo(200);
      }
    }
  }

  static Set<Profile> personalProfiles() {
    return Set.of(Profile.ADMINISTRATOR, Profile.REST_SERVICES_USER);
  }

  static TokensmithCore.Settings settings(AuthenticationPolicy policy) {
    TokensmithCore.Settings defaults = TokensmithCore.Settings.DEFAULT;
    return new TokensmithCore.Settings(
        defaults.codec(), defaults.scopes(), defaults.rules(), policy);
  }
}
