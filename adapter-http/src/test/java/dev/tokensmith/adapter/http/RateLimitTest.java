package dev.tokensmith.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokensmith.adapter.http.ApiServer.Res;
import dev.tokensmith.adapter.http.HttpSettings.RateLimit;
import dev.tokensmith.application.fake.InMemoryTokensmith;
import dev.tokensmith.application.fake.MutableClock;
import dev.tokensmith.application.port.in.IssuedToken;
import dev.tokensmith.application.service.TokensmithCore;
import dev.tokensmith.domain.account.User;
import dev.tokensmith.domain.authentication.AttemptBudget;
import dev.tokensmith.domain.authentication.AttemptBudgets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The budgets of failed attempts slow guesses, never the valid credentials beside them; revocations
 * are limited per client address.
 */
class RateLimitTest {
  ApiServer server;

  @BeforeEach
  void start() {
    server =
        ApiServer.start(
            TokensmithCore.Settings.DEFAULT.withBudgets(
                new AttemptBudgets(
                    new AttemptBudget(3, Duration.ofMinutes(1)),
                    new AttemptBudget(3, Duration.ofMinutes(5)),
                    new AttemptBudget(10, Duration.ofMinutes(5)))),
            settings -> settings.withRevocationLimit(new RateLimit(2, Duration.ofMinutes(1))));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void wrongTokensBeyondTheBudgetAre429RateLimitedWhileAValidTokenKeepsAnswering200() {
    User alice = server.restUser("alice");
    String good = server.token(alice, "rest");
    for (int i = 0; i < 3; i++) {
      assertThat(server.get("/api/v1/me").authToken("tksp_wrong").send().status()).isEqualTo(401);
    }
    Res limited = server.get("/api/v1/me").authToken("tksp_wrong").send();

    assertThat(limited.status()).isEqualTo(429);
    assertThat(limited.header("Retry-After")).isEqualTo("60");
    assertThat(limited.json().get("error").asText()).isEqualTo("too_many_requests");
    assertThat(limited.json().get("reason").asText()).isEqualTo("rate_limited");
    assertThat(limited.json().get("message").asText()).contains("60 seconds");
    assertThat(server.get("/api/v1/me").authToken(good).send().status()).isEqualTo(200);
    assertThat(server.get("/api/v1/tokens/self").bearer(good).send().status()).isEqualTo(200);

    server.clock.advance(Duration.ofSeconds(60));
    assertThat(server.get("/api/v1/me").authToken("tksp_wrong").send().status()).isEqualTo(401);
  }

  @Test
  void theOwnerSeesARateLimitedRefusalOfTheirTokenInItsFailureLog() {
    User alice = server.restUser("alice");
    IssuedToken issued = server.issue(alice, "rest");
    String wrongSecret = ApiServer.randomSecretFor(issued.summary().token().id());
    for (int i = 0; i < 3; i++) {
      server.get("/api/v1/me").authToken("tksp_wrong").send();
    }
    assertThat(server.get("/api/v1/me").authToken(wrongSecret).send().status()).isEqualTo(429);
    ApiServer.Session session = server.logIn("alice");
    Res view =
        server.get("/api/v1/me/tokens/" + issued.summary().token().id()).session(session).send();
    assertThat(view.json().get("recentFailures").get(0).get("reason").asText())
        .isEqualTo("rate_limited");
  }

  @Test
  void missingTokensAndMissingScopesAreNotCountedAsGuesses() {
    User alice = server.restUser("alice");
    String exportOnly = server.token(alice, "export");
    for (int i = 0; i < 5; i++) {
      assertThat(server.get("/api/v1/me").send().status()).isEqualTo(401);
      assertThat(server.get("/api/v1/me").authToken(exportOnly).send().status()).isEqualTo(403);
    }
    assertThat(server.get("/api/v1/me").authToken("tksp_wrong").send().status()).isEqualTo(401);
  }

  @Test
  void aPasswordBruteForceOnOneLoginIsSlowedWhileAnotherSignsInFromTheSameAddress() {
    server.restUser("alice");
    server.restUser("bob");
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
    assertThat(limited.json().get("reason").asText()).isEqualTo("rate_limited");
    assertThat(limited.header("Retry-After")).isEqualTo("300");
    server.logIn("bob");
    server.clock.advance(Duration.ofMinutes(5));
    server.logIn("alice");
  }

  @Test
  void aLiveSessionIsNeverRefusedForFailuresBesideIt() {
    server.restUser("alice");
    ApiServer.Session session = server.logIn("alice");
    for (int i = 0; i < 20; i++) {
      server.get("/api/v1/me").authToken("tksp_wrong").send();
      server.post("/api/v1/session").json("{\"login\":\"x\",\"password\":\"y\"}").send();
    }
    assertThat(server.get("/api/v1/me").session(session).send().status()).isEqualTo(200);
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
  void theRevocationLimiterForgetsTheLeastRecentlyUsedAddressBeyondItsBound() {
    MutableClock clock = new MutableClock(InMemoryTokensmith.START);
    AddressRateLimiter limiter =
        new AddressRateLimiter(new RateLimit(1, Duration.ofMinutes(1)), 2, clock);
    limiter.tryAcquire("10.0.0.1");
    limiter.tryAcquire("10.0.0.2");
    limiter.tryAcquire("10.0.0.3");
    assertThat(limiter.trackedAddresses()).isEqualTo(2);
    assertThat(limiter.retryAfterSeconds("10.0.0.1")).isZero();
    assertThat(limiter.retryAfterSeconds("10.0.0.3")).isEqualTo(60);
    clock.advance(Duration.ofSeconds(30));
    assertThat(limiter.retryAfterSeconds("10.0.0.3")).isEqualTo(30);
  }
}
