package dev.tokensmith.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokensmith.adapter.http.ApiServer.Res;
import dev.tokensmith.application.fake.InMemoryTokensmith;
import dev.tokensmith.application.port.in.ListMyPersonalTokensUseCase;
import dev.tokensmith.application.port.out.StorageFailure;
import dev.tokensmith.domain.account.User;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The database down is a 503 the service recovers from; a bug is a 500 without details. */
class InfrastructureFailuresTest {
  static final AtomicBoolean DATABASE_DOWN = new AtomicBoolean();
  static ApiServer server;

  @BeforeAll
  static void start() {
    InMemoryTokensmith tokensmith = new InMemoryTokensmith();
    UseCases real = TestUseCases.of(tokensmith.core);
    ListMyPersonalTokensUseCase failing =
        actor -> {
          if (DATABASE_DOWN.get()) {
            throw new StorageFailure("connection refused", new java.io.IOException("refused"));
          }
          return real.listMyPersonalTokens().listMyPersonalTokens(actor);
        };
    UseCases useCases =
        new UseCases(
            real.authenticate(),
            real.introspectToken(),
            real.revokeToken(),
            real.logIn(),
            real.resolveSession(),
            actor -> {
              throw new IllegalStateException("a bug with a detail that must stay inside");
            },
            failing,
            real.createPersonalToken(),
            real.editPersonalToken(),
            real.viewToken(),
            real.refreshToken(),
            real.deleteToken(),
            real.listPersonalTokens(),
            real.listApplicationTokens(),
            real.createApplicationToken(),
            real.editApplicationToken(),
            real.listUsers(),
            real.viewUser(),
            real.createUser(),
            real.editUser(),
            real.deleteUser(),
            () -> !DATABASE_DOWN.get(),
            real.listScopes(),
            real.registerScopes());
    server = ApiServer.start(tokensmith, useCases, settings -> settings);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void databaseDownIs503AndTheServiceRecovers() {
    User alice = server.restUser("alice");
    String token = server.token(alice, "rest");
    DATABASE_DOWN.set(true);
    try {
      Res down = server.get("/api/v1/me/tokens").authToken(token).send();
      assertThat(down.status()).isEqualTo(503);
      assertThat(down.json().get("error").asText()).isEqualTo("unavailable");
      assertThat(down.header("Retry-After")).isNotNull();
      assertThat(down.body()).doesNotContain("refused");
      Res notReady = server.get("/health/ready").send();
      assertThat(notReady.status()).isEqualTo(503);
      assertThat(notReady.body()).isEqualTo("{\"status\":\"down\"}");
      assertThat(server.get("/health/live").send().status()).isEqualTo(200);
    } finally {
      DATABASE_DOWN.set(false);
    }
    assertThat(server.get("/api/v1/me/tokens").authToken(token).send().status()).isEqualTo(200);
    assertThat(server.get("/health/ready").send().status()).isEqualTo(200);
  }

  @Test
  void aBugIs500WithoutAnyDetail() {
    User bob = server.restUser("bob");
    Res response = server.get("/api/v1/me").authToken(server.token(bob, "rest")).send();
    assertThat(response.status()).isEqualTo(500);
    assertThat(Json.fieldNames(response.json())).containsExactly("error", "reason", "message");
    assertThat(response.json().get("error").asText()).isEqualTo("internal_error");
    assertThat(response.body())
        .doesNotContain("IllegalStateException")
        .doesNotContain("detail")
        .doesNotContain("at dev.");
  }
}
