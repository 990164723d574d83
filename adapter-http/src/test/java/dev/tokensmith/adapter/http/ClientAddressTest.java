package dev.tokensmith.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokensmith.adapter.http.ApiServer.Res;
import dev.tokensmith.application.service.TokensmithCore;
import dev.tokensmith.domain.account.User;
import dev.tokensmith.domain.authentication.AttemptBudget;
import dev.tokensmith.domain.authentication.AttemptBudgets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The client address (rate limits, last use, failure log, access log) is the connection's peer, or,
 * behind a trusted reverse proxy, the nearest untrusted address of {@code X-Forwarded-For}. The
 * test client connects from 127.0.0.1.
 */
class ClientAddressTest {

  @Test
  void withoutTrustedProxiesXForwardedForIsIgnored() {
    try (ApiServer server = ApiServer.start()) {
      assertThat(lastUsedIp(server, "203.0.113.9")).isEqualTo("127.0.0.1");
    }
  }

  @Test
  void behindATrustedProxyTheForwardedClientIsUsed() {
    try (ApiServer server = behind(List.of("127.0.0.1"))) {
      assertThat(lastUsedIp(server, "203.0.113.9")).isEqualTo("203.0.113.9");
      assertThat(lastUsedIp(server, "2001:db8::7")).isEqualTo("2001:db8:0:0:0:0:0:7");
    }
  }

  @Test
  void onlyTheNearestUntrustedHopCountsForWhatIsLeftOfItCanBeForged() {
    try (ApiServer server = behind(List.of("127.0.0.1", "10.0.0.0/8"))) {
      // the client wrote 198.51.100.66 itself; the proxy appended the address it saw
      assertThat(lastUsedIp(server, "198.51.100.66, 203.0.113.9")).isEqualTo("203.0.113.9");
      // two trusted proxies in a row: the client is before them
      assertThat(lastUsedIp(server, "203.0.113.9, 10.1.2.3")).isEqualTo("203.0.113.9");
      // a hop that is not an address (or a host name, never looked up) stops the walk
      assertThat(lastUsedIp(server, "203.0.113.9, unknown")).isEqualTo("127.0.0.1");
      assertThat(lastUsedIp(server, "example.com")).isEqualTo("127.0.0.1");
      assertThat(lastUsedIp(server, "300.1.2.3")).isEqualTo("127.0.0.1");
    }
  }

  @Test
  void behindAProxyEachClientHasItsOwnRateLimit() {
    try (ApiServer server =
        ApiServer.start(
            TokensmithCore.Settings.DEFAULT.withBudgets(
                new AttemptBudgets(
                    new AttemptBudget(2, Duration.ofMinutes(1)),
                    AttemptBudgets.DEFAULT.wrongPasswordsPerLogin(),
                    AttemptBudgets.DEFAULT.wrongPasswordsPerAddress())),
            settings -> settings.withTrustedProxies(List.of("127.0.0.1")))) {
      for (int i = 0; i < 2; i++) {
        assertThat(wrongToken(server, "203.0.113.9").status()).isEqualTo(401);
      }
      assertThat(wrongToken(server, "203.0.113.9").status()).isEqualTo(429);
      assertThat(wrongToken(server, "203.0.113.10").status()).isEqualTo(401);
    }
  }

  @Test
  void aTrustedProxyThatIsNotAnAddressIsRefusedByName() {
    for (String bad : List.of("proxy.example.com", "10.0.0.0/99", "cafe", "10.0.0.1-", "")) {
      assertThatThrownBy(() -> HttpSettings.defaults().withTrustedProxies(List.of(bad)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("'" + bad + "' is not an address, a CIDR block or a range");
    }
    assertThat(
            HttpSettings.defaults()
                .withTrustedProxies(
                    List.of("10.0.0.1", "192.168.0.0/16", "fd00::/8", "10.0.0.1-10.0.0.9"))
                .trustedProxies())
        .hasSize(4);
  }

  private static ApiServer behind(List<String> proxies) {
    return ApiServer.start(
        TokensmithCore.Settings.DEFAULT, settings -> settings.withTrustedProxies(proxies));
  }

  /** The address {@code /api/v1/tokens/self} records for a call forwarded for {@code chain}. */
  private static String lastUsedIp(ApiServer server, String chain) {
    User user = server.restUser(server.fresh("client"));
    Res self =
        server
            .get("/api/v1/tokens/self")
            .authToken(server.token(user, "rest"))
            .header("X-Forwarded-For", chain)
            .send();
    assertThat(self.status()).as(self.toString()).isEqualTo(200);
    return self.json().get("lastUsedIp").asText();
  }

  private static Res wrongToken(ApiServer server, String client) {
    return server
        .get("/api/v1/me")
        .authToken("tksp_wrong")
        .header("X-Forwarded-For", client)
        .send();
  }
}
