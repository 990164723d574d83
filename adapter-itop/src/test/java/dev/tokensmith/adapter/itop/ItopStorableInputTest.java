package dev.tokensmith.adapter.itop;

import static dev.tokensmith.adapter.itop.ItopRest.INVALID_LOGIN;
import static dev.tokensmith.adapter.itop.ItopRest.assertAnswer;
import static dev.tokensmith.adapter.itop.ItopRest.assertRefusedLogin;
import static dev.tokensmith.adapter.itop.ItopRest.call;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tokensmith.adapter.http.ApiServer;
import dev.tokensmith.adapter.http.ApiServer.Res;
import dev.tokensmith.application.service.TokensmithCore;
import dev.tokensmith.domain.authentication.AttemptBudget;
import dev.tokensmith.domain.authentication.AttemptBudgets;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/**
 * On {@code rest.php}, text the database cannot store is refused where it enters, in iTop's answer
 * shape: a malformed login is a wrong login (code 1) and a failed attempt; any other parameter or
 * {@code json_data} member is code 100 naming it.
 */
class ItopStorableInputTest {
  static final String LIST_OPERATIONS = "{\"operation\":\"list_operations\"}";

  private static ApiServer limited(int attempts) {
    return ItopRest.start(
        TokensmithCore.Settings.DEFAULT.withBudgets(
            new AttemptBudgets(
                new AttemptBudget(30, Duration.ofMinutes(1)),
                new AttemptBudget(10, Duration.ofMinutes(5)),
                new AttemptBudget(attempts, Duration.ofMinutes(5)))),
        settings -> settings);
  }

  @Test
  void aNulInTheLoginIsAWrongLoginAndCountsTowardTheLimit() {
    try (ApiServer server = limited(3)) {
      server.restUser("admin");
      String basic =
          "Basic "
              + Base64.getEncoder()
                  .encodeToString("ad\u0000min:password-of-admin".getBytes(StandardCharsets.UTF_8));
      assertRefusedLogin(
          server.post(call("1.3", LIST_OPERATIONS) + "&auth_user=ad%00min&auth_pwd=x").send(),
          INVALID_LOGIN,
          "invalid_credentials");
      assertRefusedLogin(
          server.post(call("1.3", LIST_OPERATIONS)).header("Authorization", basic).send(),
          INVALID_LOGIN,
          "invalid_credentials");
      String token = server.token(server.administrator("root"), "rest");
      Res checked =
          server
              .post(
                  call(
                      "1.3",
                      "{\"operation\":\"core/check_credentials\",\"user\":\"ad\\u0000min\","
                          + "\"password\":\"x\"}"))
              .authToken(token)
              .send();
      assertAnswer(checked, 0, null);
      assertThat(checked.json().get("authorized").asBoolean()).isFalse();
      Res refused =
          server
              .post(call("1.3", LIST_OPERATIONS) + "&auth_user=admin&auth_pwd=a-wrong-guess")
              .send();
      assertThat(refused.json().get("message").asText())
          .startsWith("Error: Too many failed attempts");
      assertThat(refused.header(ItopRest.AUTH_FAILURE)).isEqualTo("rate_limited");
    }
  }

  @Test
  void aParameterOrJsonDataMemberThatCannotBeStoredIsCode100NamingIt() {
    try (ApiServer server = limited(100)) {
      String token = server.token(server.administrator("root"), "rest");
      assertAnswer(
          server.post(call("1.3", LIST_OPERATIONS) + "&comment=a%00b").authToken(token).send(),
          100,
          "Error: comment must not contain the NUL character (U+0000)");
      assertAnswer(
          server
              .post(
                  call(
                      "1.3",
                      "{\"operation\":\"core/get\",\"class\":\"Organization\","
                          + "\"key\":{\"name\":\"My\\u0000Company\"}}"))
              .authToken(token)
              .send(),
          100,
          "Error: json_data.key.name must not contain the NUL character (U+0000)");
      assertAnswer(
          server
              .post(
                  call(
                      "1.3",
                      "{\"operation\":\"core/get\",\"class\":\"Person\",\"key\":\"\\ud800\"}"))
              .authToken(token)
              .send(),
          100,
          "Error: json_data.key must not contain an unpaired UTF-16 surrogate (U+D800 to U+DFFF"
              + " alone)");
    }
  }
}
