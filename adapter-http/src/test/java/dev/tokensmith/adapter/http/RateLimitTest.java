package dev.tokensmith.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokensmith.adapter.http.ApiServer.Res;
import dev.tokensmith.adapter.http.HttpSettings.RateLimit;
import dev.tokensmith.application.fake.InMemoryTokensmith;
import dev.tokensmith.application.fake.MutableClock;
import dev.tokensmith.application.service.TokensmithCore;
import dev.tokensmith.domain.account.User;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Failed authentications and revocations are limited per client address. */
class RateLimitTest {
  ApiServer server;

  @BeforeEach
  void start() {
    server =
        ApiServer.start(
            TokensmithCore.Settings.DEFAULT,
            settings ->
                settings.withRateLimits(
                    new RateLimit(3, Duration.ofMinutes(1)),
                    new RateLimit(2, Duration.ofMinutes(1))));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void failedAuthenticationsBeyondTheLimitAre429WithRetryAfter() {
    User alice = server.restUser("alice");
    String good = server.token(alice, "rest");
    for (int i = 0; i < 3; i++) {
      assertThat(server.get("/api/v1/me").authToken("tksp_wrong").send().status()).isEqualTo(401);
    }

    Res limited = server.get("/api/v1/me").authToken(good).send();

    assertThat(limited.status()).isEqualTo(429);
    assertThat(limited.header("Retry-After")).isEqualTo("20");
    assertThat(limited.json().get("error").asText()).isEqualTo("too_many_requests");
    assertThat(limited.json().get("message").asText()).contains("20 seconds");

    server.clock.advance(Duration.ofSeconds(20));
    assertThat(server.get("/api/v1/me").authToken(good).send().status()).isEqualTo(200);
    assertThat(server.get("/api/v1/me").authToken("tksp_wrong").send().status()).isEqualTo(401);
    assertThat(server.get("/api/v1/me").authToken(good).send().status()).isEqualTo(429);
  }

  @Test
  void missingTokensAndMissingScopesAreNotCountedAsGuesses() {
    User alice = server.restUser("alice");
    String exportOnly = server.token(alice, "export");
    for (int i = 0; i < 5; i++) {
      assertThat(server.get("/api/v1/me").send().status()).isEqualTo(401);
      assertThat(server.get("/api/v1/me").authToken(exportOnly).send().status()).isEqualTo(403);
    }
    assertThat(server.get("/api/v1/me").authToken(server.token(alice, "rest")).send().status())
        .isEqualTo(200);
  }

  @Test
  void failedLoginsCountToo() {
    server.restUser("alice");
    for (int i = 0; i < 3; i++) {
      Res wrong =
          server
              .post("/api/v1/session")
              .json("{\"login\":\"alice\",\"password\":\"guess-" + i + "\"}")
              .send();
      assertThat(wrong.status()).isEqualTo(401);
    }
    Res limited =
        server
            .post("/api/v1/session")
            .json("{\"login\":\"alice\",\"password\":\"password-of-alice\"}")
            .send();
    assertThat(limited.status()).isEqualTo(429);
    assertThat(limited.header("Retry-After")).isNotNull();
  }

  @Test
  void revocationsAreLimitedWhateverTheirOutcome() {
    assertThat(server.post("/api/v1/tokens/revoke").form("token=a").send().status()).isEqualTo(200);
    assertThat(server.post("/api/v1/tokens/revoke").form("token=b").send().status()).isEqualTo(200);
    Res limited = server.post("/api/v1/tokens/revoke").form("token=c").send();
    assertThat(limited.status()).isEqualTo(429);
    assertThat(limited.header("Retry-After")).isEqualTo("30");
  }

  @Test
  void theLimiterForgetsTheLeastRecentlyUsedAddressBeyondItsBound() {
    MutableClock clock = new MutableClock(InMemoryTokensmith.START);
    AddressRateLimiter limiter =
        new AddressRateLimiter(new RateLimit(1, Duration.ofMinutes(1)), 2, clock);
    limiter.spend("10.0.0.1");
    limiter.spend("10.0.0.2");
    limiter.spend("10.0.0.3");
    assertThat(limiter.trackedAddresses()).isEqualTo(2);
    assertThat(limiter.retryAfterSeconds("10.0.0.1")).isZero();
    assertThat(limiter.retryAfterSeconds("10.0.0.3")).isEqualTo(60);
    clock.advance(Duration.ofSeconds(30));
    assertThat(limiter.retryAfterSeconds("10.0.0.3")).isEqualTo(30);
  }
}
