package dev.tokensmith.adapter.itop;

import static dev.tokensmith.adapter.itop.ItopRest.PATH;
import static dev.tokensmith.adapter.itop.ItopRest.call;
import static dev.tokensmith.adapter.itop.ItopRest.enc;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tokensmith.adapter.http.ApiServer;
import dev.tokensmith.adapter.http.LogCapture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * iTop clients put tokens, passwords and {@code json_data} (which may hold a password) in URLs;
 * none of it reaches the logs, while the access log still shows the call.
 */
class ItopRestSecretsInLogsTest {
  static LogCapture logs;
  static ApiServer server;

  @BeforeAll
  static void start() {
    logs = LogCapture.attach();
    server = ItopRest.server();
  }

  @AfterAll
  static void stop() {
    server.close();
    logs.detach();
  }

  @Test
  void noTokenPasswordOrJsonDataReachesTheLogs() {
    server.restUser("alice");
    String token = server.token(server.restUser("bob"), "rest");
    String secretInJson = "a-password-inside-json_data";
    String check =
        "{\"operation\":\"core/check_credentials\",\"user\":\"alice\",\"password\":\""
            + secretInJson
            + "\"}";
    server.post(call("1.3", check) + "&auth_token=" + token).send();
    server.get(call("1.3", check) + "&auth_user=alice&auth_pwd=password-of-alice").send();
    server.post(call("1.3", check) + "&auth_user=alice&auth_pwd=wrong-password-x").send();
    server
        .post(PATH + "?version=1.3&auth_token=" + token + "x")
        .form("json_data=" + enc(check))
        .send();

    String everything = logs.all();
    assertThat(everything)
        .doesNotContain(token)
        .doesNotContain("password-of-alice")
        .doesNotContain("wrong-password-x")
        .doesNotContain(secretInJson);
    assertThat(everything)
        .contains(
            "POST /webservices/rest.php?version=1.3&json_data=[redacted]&auth_token=[redacted] 200")
        .contains("&auth_user=alice&auth_pwd=[redacted]");
  }
}
