package dev.tokensmith.adapter.itop;

import static dev.tokensmith.adapter.itop.ItopRest.INVALID_LOGIN;
import static dev.tokensmith.adapter.itop.ItopRest.PATH;
import static dev.tokensmith.adapter.itop.ItopRest.REST_PROFILE_REQUIRED;
import static dev.tokensmith.adapter.itop.ItopRest.answer;
import static dev.tokensmith.adapter.itop.ItopRest.assertAnswer;
import static dev.tokensmith.adapter.itop.ItopRest.assertRefusedLogin;
import static dev.tokensmith.adapter.itop.ItopRest.call;
import static dev.tokensmith.adapter.itop.ItopRest.enc;
import static dev.tokensmith.adapter.itop.ItopRest.useCount;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tokensmith.adapter.http.ApiServer;
import dev.tokensmith.adapter.http.ApiServer.Res;
import dev.tokensmith.application.fake.InMemoryTokensmith;
import dev.tokensmith.application.port.in.IssuedToken;
import dev.tokensmith.application.port.in.TokenCommand;
import dev.tokensmith.application.port.in.UserFields;
import dev.tokensmith.application.service.TokensmithCore;
import dev.tokensmith.domain.account.Profile;
import dev.tokensmith.domain.account.User;
import dev.tokensmith.domain.authentication.AttemptBudget;
import dev.tokensmith.domain.authentication.AttemptBudgets;
import dev.tokensmith.domain.authentication.FailureReason;
import dev.tokensmith.domain.authentication.RecordedFailure;
import dev.tokensmith.domain.token.TokenId;
import dev.tokensmith.domain.token.TokenKind;
import io.vavr.control.Option;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * How {@code webservices/rest.php} logs calls in: every token failure is iTop's opaque code 1 plus
 * the reason in {@code X-Tokensmith-Auth-Failure}; the header wins over the parameter; {@code
 * login_mode}; passwords and HTTP Basic with the REST-services profile rule; use counts; the limit
 * of failed attempts per address.
 */
class ItopRestLoginTest {
  static final String LIST_OPERATIONS = "{\"operation\":\"list_operations\"}";

  static ApiServer server;
  static User admin;

  @BeforeAll
  static void start() {
    server = ItopRest.server();
    admin = server.administrator("root");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static Res listOperations(String token) {
    return server.post(call("1.3", LIST_OPERATIONS)).authToken(token).send();
  }

  static void assertRefusedToken(String token, String reason) {
    assertRefusedLogin(listOperations(token), INVALID_LOGIN, reason);
  }

  static User withProfiles(String login, String... profiles) {
    return server
        .tokensmith
        .core
        .users
        .editUser(
            admin,
            login,
            new UserFields(
                Option.none(),
                Option.none(),
                Option.none(),
                Option.some(Set.of(profiles)),
                Option.none(),
                Option.none(),
                Option.none()))
        .get();
  }

  @Test
  void aWorkingTokenLogsIn() {
    User alice = server.restUser(server.fresh("alice"));
    assertAnswer(listOperations(server.token(alice, "rest")), 0, "Operations: 5");
  }

  @Test
  void malformedTokenIsAnInvalidLoginNamedInTheHeader() {
    assertRefusedToken("tksp_not-a-token", "malformed_token");
  }

  @Test
  void unknownTokenIsAnInvalidLoginNamedInTheHeader() {
    assertRefusedToken(ApiServer.randomSecretFor(TokenId.of(UUID.randomUUID())), "unknown_token");
  }

  @Test
  void wrongSecretIsAnInvalidLoginNamedInTheHeaderAndLoggedForTheOwner() {
    User alice = server.restUser(server.fresh("alice"));
    TokenId id = server.issue(alice, "rest").summary().token().id();
    assertRefusedToken(ApiServer.randomSecretFor(id), "wrong_secret");
    List<RecordedFailure> logged = server.tokensmith.failures.recent(id, 10);
    assertThat(logged).hasSize(1);
    assertThat(logged.get(0).reason()).isEqualTo(FailureReason.WRONG_SECRET);
    assertThat(logged.get(0).endpoint()).isEqualTo("POST /webservices/rest.php");
    assertThat(logged.get(0).address()).isEqualTo("127.0.0.1");
  }

  @Test
  void deletedTokenIsAnInvalidLoginNamedInTheHeader() {
    User alice = server.restUser(server.fresh("alice"));
    IssuedToken issued = server.issue(alice, "rest");
    server.tokensmith.core.tokens.deleteToken(
        new TokenCommand(alice, TokenKind.PERSONAL, issued.summary().token().id()));
    assertRefusedToken(issued.value().reveal(), "token_deleted");
  }

  @Test
  void refreshedValueIsAnInvalidLoginNamedInTheHeader() {
    User alice = server.restUser(server.fresh("alice"));
    IssuedToken issued = server.issue(alice, "rest");
    server.tokensmith.core.tokens.refreshToken(
        new TokenCommand(alice, TokenKind.PERSONAL, issued.summary().token().id()));
    assertRefusedToken(issued.value().reveal(), "token_refreshed");
  }

  @Test
  void expiredTokenIsAnInvalidLoginNamedInTheHeader() {
    User alice = server.restUser(server.fresh("alice"));
    IssuedToken issued =
        server.issue(
            alice, Option.some(InMemoryTokensmith.START.plus(Duration.ofHours(1))), "rest");
    assertAnswer(listOperations(issued.value().reveal()), 0, "Operations: 5");
    server.clock.advance(Duration.ofHours(2));
    try {
      assertRefusedToken(issued.value().reveal(), "token_expired");
    } finally {
      server.clock.set(InMemoryTokensmith.START);
    }
  }

  @Test
  void disabledOwnerIsAnInvalidLoginNamedInTheHeader() {
    String login = server.fresh("alice");
    String token = server.token(server.restUser(login), "rest");
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
    assertRefusedToken(token, "principal_disabled");
  }

  @Test
  void ownerWithoutAPersonalTokenProfileIsAnInvalidLoginNamedInTheHeader() {
    String login = server.fresh("alice");
    String token = server.token(server.restUser(login), "rest");
    withProfiles(login, "Directory Reader");
    assertRefusedToken(token, "profile_not_allowed");
  }

  @Test
  void tokenWithoutScopeRestIsAnInvalidLoginNamedInTheHeader() {
    User alice = server.restUser(server.fresh("alice"));
    assertRefusedToken(server.token(alice, "export", "introspect"), "scope_not_granted");
  }

  @Test
  void ownerWithoutTheRestProfileGetsItopsProfileMessage() {
    User boss = server.user(server.fresh("boss"), Profile.ADMINISTRATOR);
    assertRefusedLogin(
        listOperations(server.token(boss, "rest")), REST_PROFILE_REQUIRED, "rest_profile_required");
  }

  @Test
  void applicationTokensLogInToo() {
    IssuedToken app =
        server.applicationToken(
            admin, server.fresh("collector"), Set.of("REST Services User"), "rest");
    assertAnswer(listOperations(app.value().reveal()), 0, "Operations: 5");
  }

  @Test
  void theHeaderWinsOverADifferentParameterWithoutAmbiguity() {
    User alice = server.restUser(server.fresh("alice"));
    String good = server.token(alice, "rest");
    String other = server.token(alice, "rest");
    assertAnswer(
        server.post(call("1.3", LIST_OPERATIONS) + "&auth_token=" + other).authToken(good).send(),
        0,
        "Operations: 5");
    assertAnswer(
        server.post(call("1.3", LIST_OPERATIONS) + "&auth_token=garbage").authToken(good).send(),
        0,
        "Operations: 5");
    assertAnswer(
        server
            .post(PATH)
            .authToken(good)
            .form(ItopRest.form("1.3", LIST_OPERATIONS) + "&auth_token=garbage")
            .send(),
        0,
        "Operations: 5");
    assertRefusedLogin(
        server
            .post(call("1.3", LIST_OPERATIONS) + "&auth_token=" + good)
            .authToken("tksp_x")
            .send(),
        INVALID_LOGIN,
        "malformed_token");
  }

  @Test
  void aBearerHeaderIsATokenToo() {
    User alice = server.restUser(server.fresh("alice"));
    assertAnswer(
        server.post(call("1.3", LIST_OPERATIONS)).bearer(server.token(alice, "rest")).send(),
        0,
        "Operations: 5");
  }

  @Test
  void theCollectorsCallWorks() {
    User alice = server.restUser(server.fresh("collector"));
    String token = server.token(alice, "rest");
    Res response =
        server
            .post(PATH + "?login_mode=token&version=1.3")
            .form("auth_token=" + enc(token) + "&json_data=" + enc(LIST_OPERATIONS))
            .send();
    assertAnswer(response, 0, "Operations: 5");
  }

  @Test
  void loginModeTokenWithoutATokenIsAnInvalidLogin() {
    assertRefusedLogin(
        server
            .post(PATH + "?login_mode=token&version=1.3")
            .form("json_data=" + enc(LIST_OPERATIONS))
            .send(),
        INVALID_LOGIN,
        "missing_credentials");
  }

  @Test
  void loginModeTokenIgnoresALoginAndPassword() {
    String login = server.fresh("alice");
    server.restUser(login);
    assertRefusedLogin(
        server
            .post(
                call("1.3", LIST_OPERATIONS)
                    + "&login_mode=token&auth_user="
                    + login
                    + "&auth_pwd=password-of-"
                    + login)
            .send(),
        INVALID_LOGIN,
        "missing_credentials");
  }

  @Test
  void anUnknownLoginModeIsAnInvalidLogin() {
    User alice = server.restUser(server.fresh("alice"));
    assertRefusedLogin(
        server
            .post(call("1.3", LIST_OPERATIONS) + "&login_mode=cas")
            .authToken(server.token(alice, "rest"))
            .send(),
        INVALID_LOGIN,
        "missing_credentials");
  }

  @Test
  void eachSuccessfulLoginAddsOneUseEvenWhenTheCallThenFails() {
    User alice = server.restUser(server.fresh("alice"));
    IssuedToken issued = server.issue(alice, "rest");
    String token = issued.value().reveal();
    TokenId id = issued.summary().token().id();
    assertThat(useCount(server, id)).isZero();
    assertAnswer(listOperations(token), 0, "Operations: 5");
    assertThat(useCount(server, id)).isEqualTo(1);
    assertAnswer(
        server.post(PATH).authToken(token).send(),
        2,
        "Error: Missing parameter 'version' (e.g. '1.0')");
    assertThat(useCount(server, id)).isEqualTo(2);
    assertAnswer(
        server.post(PATH + "?version=1.3").authToken(token).send(),
        3,
        "Error: Missing parameter 'json_data'");
    assertThat(useCount(server, id)).isEqualTo(3);
    assertAnswer(
        server.post(call("1.3", "{")).authToken(token).send(),
        4,
        "Error: Parameter json_data is not a valid JSON structure");
    assertThat(useCount(server, id)).isEqualTo(4);
    assertThat(server.tokensmith.tokens.find(id).get().usage().lastUsedIp()).contains("127.0.0.1");
  }

  @Test
  void aLoginAndPasswordLogARestServicesUserIn() {
    String login = server.fresh("alice");
    server.restUser(login);
    assertAnswer(
        server
            .post(
                call("1.3", LIST_OPERATIONS)
                    + "&auth_user="
                    + login
                    + "&auth_pwd=password-of-"
                    + login)
            .send(),
        0,
        "Operations: 5");
    assertAnswer(
        server
            .post(PATH)
            .form(
                ItopRest.form("1.3", LIST_OPERATIONS)
                    + "&login_mode=form&auth_user="
                    + login
                    + "&auth_pwd=password-of-"
                    + login)
            .send(),
        0,
        "Operations: 5");
  }

  @Test
  void aWrongPasswordIsAnInvalidLogin() {
    String login = server.fresh("alice");
    server.restUser(login);
    assertRefusedLogin(
        server
            .post(call("1.3", LIST_OPERATIONS) + "&auth_user=" + login + "&auth_pwd=guess")
            .send(),
        INVALID_LOGIN,
        "invalid_credentials");
    assertRefusedLogin(
        server.post(call("1.3", LIST_OPERATIONS) + "&auth_user=" + login).send(),
        INVALID_LOGIN,
        "invalid_credentials");
  }

  @Test
  void aPasswordUserWithoutTheRestProfileGetsItopsProfileMessage() {
    String login = server.fresh("boss");
    server.user(login, Profile.ADMINISTRATOR);
    assertRefusedLogin(
        server
            .post(
                call("1.3", LIST_OPERATIONS)
                    + "&auth_user="
                    + login
                    + "&auth_pwd=password-of-"
                    + login)
            .send(),
        REST_PROFILE_REQUIRED,
        "rest_profile_required");
  }

  @Test
  void httpBasicLogsAPasswordUserIn() {
    String login = server.fresh("alice");
    server.restUser(login);
    assertAnswer(
        server
            .post(call("1.3", LIST_OPERATIONS))
            .header("Authorization", basic(login, "password-of-" + login))
            .send(),
        0,
        "Operations: 5");
    assertAnswer(
        server
            .post(call("1.3", LIST_OPERATIONS) + "&login_mode=basic")
            .header("Authorization", basic(login, "password-of-" + login))
            .send(),
        0,
        "Operations: 5");
    assertRefusedLogin(
        server
            .post(call("1.3", LIST_OPERATIONS))
            .header("Authorization", basic(login, "wrong"))
            .send(),
        INVALID_LOGIN,
        "invalid_credentials");
    assertRefusedLogin(
        server.post(call("1.3", LIST_OPERATIONS)).header("Authorization", "Basic %%%").send(),
        INVALID_LOGIN,
        "invalid_credentials");
  }

  @Test
  void passwordCallsCountNoTokenUse() {
    String login = server.fresh("alice");
    User alice = server.restUser(login);
    IssuedToken issued = server.issue(alice, "rest");
    server
        .post(
            call("1.3", LIST_OPERATIONS) + "&auth_user=" + login + "&auth_pwd=password-of-" + login)
        .send();
    assertThat(useCount(server, issued.summary().token().id())).isZero();
  }

  static String basic(String login, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((login + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  /**
   * A server whose budgets are 3 wrong tokens a minute, 2 wrong passwords per login, 4 per address.
   */
  static ApiServer limited() {
    return ItopRest.start(
        TokensmithCore.Settings.DEFAULT.withBudgets(
            new AttemptBudgets(
                new AttemptBudget(3, Duration.ofMinutes(1)),
                new AttemptBudget(2, Duration.ofMinutes(5)),
                new AttemptBudget(4, Duration.ofMinutes(5)))),
        settings -> settings);
  }

  @Test
  void wrongTokensBeyondTheBudgetAreRateLimitedWhileAWorkingTokenKeepsWorking() {
    try (ApiServer limited = limited()) {
      User alice = limited.restUser("alice");
      String good = limited.token(alice, "rest");
      String noScope = limited.token(alice, "export");
      // a token lacking a scope works, it is not a guess: not counted
      for (int i = 0; i < 5; i++) {
        limited.post(call("1.3", LIST_OPERATIONS)).authToken(noScope).send();
      }
      for (int i = 0; i < 3; i++) {
        assertThat(
                limited
                    .post(call("1.3", LIST_OPERATIONS))
                    .authToken("tksp_guess" + i)
                    .send()
                    .header(ItopRest.AUTH_FAILURE))
            .isEqualTo("malformed_token");
      }
      Res refused = limited.post(call("1.3", LIST_OPERATIONS)).authToken("tksp_guess").send();
      assertAnswer(refused, 1, "Error: Too many failed attempts, retry in 60 s");
      assertThat(refused.header(ItopRest.AUTH_FAILURE)).isEqualTo("rate_limited");
      assertThat(refused.header("Retry-After")).isEqualTo("60");
      // the working token beside the guesses is never refused for them
      assertAnswer(
          limited.post(call("1.3", LIST_OPERATIONS)).authToken(good).send(), 0, "Operations: 5");
      limited.clock.advance(Duration.ofMinutes(1));
      assertThat(
              limited
                  .post(call("1.3", LIST_OPERATIONS))
                  .authToken("tksp_guess")
                  .send()
                  .header(ItopRest.AUTH_FAILURE))
          .isEqualTo("malformed_token");
    }
  }

  @Test
  void wrongPasswordsSlowTheirLoginWhileAnotherLoginSignsInFromTheSameAddress() {
    try (ApiServer limited = limited()) {
      limited.restUser("alice");
      limited.restUser("bob");
      for (int i = 0; i < 2; i++) {
        Res wrong =
            limited
                .post(call("1.3", LIST_OPERATIONS) + "&auth_user=alice&auth_pwd=guess" + i)
                .send();
        assertThat(wrong.header(ItopRest.AUTH_FAILURE)).isEqualTo("invalid_credentials");
      }
      Res refused =
          limited
              .post(call("1.3", LIST_OPERATIONS))
              .header("Authorization", basic("alice", "password-of-alice"))
              .send();
      assertAnswer(refused, 1, "Error: Too many failed attempts, retry in 300 s");
      assertThat(refused.header(ItopRest.AUTH_FAILURE)).isEqualTo("rate_limited");
      assertThat(refused.header("Retry-After")).isEqualTo("300");
      assertAnswer(
          limited
              .post(call("1.3", LIST_OPERATIONS) + "&auth_user=bob&auth_pwd=password-of-bob")
              .send(),
          0,
          "Operations: 5");
      limited.clock.advance(Duration.ofMinutes(5));
      assertAnswer(
          limited
              .post(call("1.3", LIST_OPERATIONS) + "&auth_user=alice&auth_pwd=password-of-alice")
              .send(),
          0,
          "Operations: 5");
    }
  }

  @Test
  void aBrokenBasicHeaderSpendsTheAddressBudgetOfWrongPasswords() {
    try (ApiServer limited = limited()) {
      for (int i = 0; i < 4; i++) {
        Res broken =
            limited
                .post(call("1.3", LIST_OPERATIONS))
                .header("Authorization", "Basic not-base64!")
                .send();
        assertThat(broken.header(ItopRest.AUTH_FAILURE)).isEqualTo("invalid_credentials");
      }
      Res refused =
          limited
              .post(call("1.3", LIST_OPERATIONS))
              .header("Authorization", "Basic not-base64!")
              .send();
      assertThat(refused.header(ItopRest.AUTH_FAILURE)).isEqualTo("rate_limited");
    }
  }

  @Test
  void checkCredentialsAnsweringFalseNeverCostsTheCallingToken() {
    try (ApiServer limited = limited()) {
      User alice = limited.restUser("alice");
      IssuedToken issued = limited.issue(alice, "rest");
      String good = issued.value().reveal();
      String check = "{\"operation\":\"core/check_credentials\",\"user\":\"x\",\"password\":\"y\"}";
      for (int i = 0; i < 50; i++) {
        JsonNode answered = answer(limited.post(call("1.3", check) + "&auth_token=" + good).send());
        assertThat(answered.get("code").asInt()).isZero();
        assertThat(answered.get("authorized").asBoolean()).isFalse();
      }
      Res lastCheck = limited.post(call("1.3", check) + "&auth_token=" + good).send();
      assertThat(answer(lastCheck).get("message").asText()).contains("Too many failed sign-in");
      assertThat(lastCheck.header("Retry-After")).isEqualTo("300");
      assertAnswer(
          limited.post(call("1.3", LIST_OPERATIONS)).authToken(good).send(), 0, "Operations: 5");
      assertThat(limited.get("/api/v1/tokens/self").authToken(good).send().status()).isEqualTo(200);
      assertThat(limited.tokensmith.failures.recent(issued.summary().token().id(), 10)).isEmpty();
      // only the login x waits: another login's right password is still checked and accepted
      String right =
          "{\"operation\":\"core/check_credentials\",\"user\":\"alice\",\"password\":\"password-of-alice\"}";
      assertThat(
              answer(limited.post(call("1.3", right)).authToken(good).send())
                  .get("authorized")
                  .asBoolean())
          .isTrue();
    }
  }

  @Test
  void refusedTokensAreCountedInTheMetrics() {
    assertRefusedToken("tksp_metric", "malformed_token");
    String metrics = server.get("/metrics").send().body();
    assertThat(metrics)
        .contains(
            "tokensmith_authentications_total{outcome=\"failure\",reason=\"malformed_token\"}");
  }
}
