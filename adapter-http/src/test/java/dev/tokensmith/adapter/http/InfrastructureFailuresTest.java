package dev.tokensmith.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokensmith.adapter.http.ApiServer.Res;
import dev.tokensmith.application.fake.InMemoryTokensmith;
import dev.tokensmith.application.port.in.ListMyPersonalTokensUseCase;
import dev.tokensmith.application.port.out.StorageFailure;
import dev.tokensmith.application.port.out.StorageRefusedInput;
import dev.tokensmith.domain.account.User;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The database down is a 503 the service recovers from; a bug is a 500 without details. */
class InfrastructureFailuresTest {
  static final AtomicBoolean DATABASE_DOWN = new AtomicBoolean();
  static final AtomicReference<RuntimeException> STORAGE_FAULT = new AtomicReference<>();
  static ApiServer server;
  static LogCapture logs;

  @BeforeAll
  static void start() {
    InMemoryTokensmith tokensmith = new InMemoryTokensmith();
    UseCases real = TestUseCases.of(tokensmith.core);
    ListMyPersonalTokensUseCase failing =
        (actor, page) -> {
          if (DATABASE_DOWN.get()) {
            throw new StorageFailure("connection refused", new java.io.IOException("refused"));
          }
          RuntimeException fault = STORAGE_FAULT.get();
          if (fault != null) {
            throw fault;
          }
          return real.listMyPersonalTokens().listMyPersonalTokens(actor, page);
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
            real.startSession(),
            real.endSession(),
            real.endAllSessions(),
            real.listScopes(),
            real.registerScopes(),
            real.viewTokenPolicy(),
            real.changeTokenPolicy());
    server = ApiServer.start(tokensmith, useCases, settings -> settings);
    logs = LogCapture.attach();
  }

  @AfterAll
  static void stop() {
    logs.detach();
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
      assertThat(logs.all())
          .contains("storage unavailable during GET /api/v1/me/tokens: connection refused");
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

  @Test
  void textTheDatabaseRefusedIsTheCallersMistakeWithAWarningNotAnOutage() {
    User carol = server.restUser("carol");
    String token = server.token(carol, "rest");
    STORAGE_FAULT.set(
        new StorageRefusedInput(
            "the database refused a text value of the request (SQLSTATE 22021)",
            new java.sql.SQLException("invalid byte sequence", "22021")));
    try {
      Res refused = server.get("/api/v1/me/tokens").authToken(token).send();
      assertThat(refused.status()).isEqualTo(400);
      assertThat(refused.header("Retry-After")).isNull();
      assertThat(refused.json().get("error").asText()).isEqualTo("invalid_input");
      assertThat(refused.json().get("message").asText()).startsWith("input holds a text value");
      assertThat(logs.all())
          .contains(
              "input refused by the database during GET /api/v1/me/tokens: the database refused"
                  + " a text value of the request (SQLSTATE 22021)")
          .doesNotContain("storage unavailable during GET /api/v1/me/tokens: the database");
      assertThat(server.get("/health/ready").send().status()).isEqualTo(200);
    } finally {
      STORAGE_FAULT.set(null);
    }
  }

  @Test
  void aValueTheServiceComputedWrongIs500WithAnErrorIdThatTheLogLineCarries() {
    User dave = server.restUser("dave");
    String token = server.token(dave, "rest");
    STORAGE_FAULT.set(
        new IllegalStateException(
            "the database refused a value the service computed (SQLSTATE 22003)"));
    try {
      Res failed = server.get("/api/v1/me/tokens").authToken(token).send();
      assertThat(failed.status()).isEqualTo(500);
      String message = failed.json().get("message").asText();
      java.util.regex.Matcher id =
          java.util.regex.Pattern.compile("error id ([0-9a-f-]{36})").matcher(message);
      assertThat(id.find()).as(message).isTrue();
      assertThat(failed.body()).doesNotContain("SQLSTATE");
      assertThat(logs.all())
          .contains("unexpected failure " + id.group(1) + " during GET /api/v1/me/tokens")
          .contains("SQLSTATE 22003");
    } finally {
      STORAGE_FAULT.set(null);
    }
  }
}
