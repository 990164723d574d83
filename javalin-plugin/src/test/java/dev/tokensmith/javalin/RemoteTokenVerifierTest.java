package dev.tokensmith.javalin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.tokensmith.application.fake.MutableClock;
import dev.tokensmith.domain.token.Scope;
import io.vavr.control.Either;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The remote verifier against a stand-in introspection endpoint whose answers the test sets: the
 * caches timed by a controllable clock, coalescing, and 503 instead of a pass when it is down.
 */
class RemoteTokenVerifierTest {
  private static final String ACTIVE =
      "{\"active\":true,\"scope\":\"billing:read\",\"token_type\":\"personal\","
          + "\"username\":\"alice\",\"jti\":\"0123456789abcdefABCDEF\"}";
  private static final String DELETED =
      "{\"active\":false,\"reason\":\"token_deleted\",\"message\":\"This token was deleted.\"}";
  private static final Scope READ = new Scope("billing:read");

  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-15T09:00:00Z"));
  private final AtomicInteger calls = new AtomicInteger();
  private final AtomicReference<String> answer = new AtomicReference<>(ACTIVE);
  private final AtomicInteger status = new AtomicInteger(200);
  private volatile CountDownLatch gate = new CountDownLatch(0);
  private final AtomicReference<String> authorization = new AtomicReference<>();
  private HttpServer server;
  private RemoteTokenVerifier verifier;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(Executors.newFixedThreadPool(4));
    server.createContext("/api/v1/tokens/introspect", this::introspect);
    server.start();
    verifier =
        RemoteTokenVerifier.builder(
                URI.create("http://127.0.0.1:" + server.getAddress().getPort()), "tks_service")
            .positiveCacheTime(Duration.ofSeconds(5))
            .negativeCacheTime(Duration.ofSeconds(2))
            // long: a test holds the one call back until 49 others joined it, on a loaded machine
            .requestTimeout(Duration.ofSeconds(60))
            .clock(clock)
            .build();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private void introspect(HttpExchange exchange) throws IOException {
    calls.incrementAndGet();
    authorization.set(exchange.getRequestHeaders().getFirst("Authorization"));
    exchange.getRequestBody().readAllBytes();
    try {
      gate.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    byte[] body = answer.get().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status.get(), body.length);
    exchange.getResponseBody().write(body);
    exchange.close();
  }

  private Either<BearerRefusal, TokenPrincipal> verify(String value, Scope scope) {
    return verifier.verify(new TokenCheck(List.of(value), scope, "GET /invoices", "127.0.0.1"));
  }

  @Test
  void anActiveTokenIsKeptForThePositiveCacheTimeOnly() {
    assertThat(verify("tks_a", READ).get().login()).isEqualTo("alice");
    assertThat(authorization.get()).isEqualTo("Bearer tks_service");
    answer.set(DELETED); // deleted in tokensmith
    clock.advance(Duration.ofSeconds(4));
    assertThat(verify("tks_a", READ).isRight()).as("within the window").isTrue();
    assertThat(calls.get()).isEqualTo(1);
    clock.advance(Duration.ofSeconds(2));
    BearerRefusal refusal = verify("tks_a", READ).getLeft();
    assertThat(refusal.status()).isEqualTo(401);
    assertThat(refusal.reason()).isEqualTo("token_deleted");
    assertThat(calls.get()).isEqualTo(2);
  }

  @Test
  void aRefusalIsKeptForTheNegativeCacheTime() {
    answer.set(DELETED);
    assertThat(verify("tks_b", READ).isLeft()).isTrue();
    answer.set(ACTIVE);
    clock.advance(Duration.ofSeconds(1));
    assertThat(verify("tks_b", READ).isLeft()).isTrue();
    clock.advance(Duration.ofSeconds(2));
    assertThat(verify("tks_b", READ).isRight()).isTrue();
    assertThat(calls.get()).isEqualTo(2);
  }

  @Test
  void aMissingScopeIsRefusedWithoutAnotherCall() {
    verify("tks_c", READ);
    BearerRefusal refusal = verify("tks_c", new Scope("billing:write")).getLeft();
    assertThat(refusal.status()).isEqualTo(403);
    assertThat(refusal.error()).isEqualTo("insufficient_scope");
    assertThat(refusal.challenge()).contains("scope=\"billing:write\"");
    assertThat(calls.get()).isEqualTo(1);
  }

  @Test
  void concurrentRequestsWithOneNewTokenMakeOneCall() throws Exception {
    gate = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(50);
    try {
      List<Future<Either<BearerRefusal, TokenPrincipal>>> results = new ArrayList<>();
      for (int i = 0; i < 1_000; i++) {
        results.add(pool.submit(() -> verify("tks_new", READ)));
      }
      // every request is waiting on the one call before tokensmith answers it
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(50);
      while (calls.get() + verifier.joinedIntrospections() < 50 && System.nanoTime() < deadline) {
        Thread.sleep(5);
      }
      gate.countDown();
      for (Future<Either<BearerRefusal, TokenPrincipal>> result : results) {
        assertThat(result.get(60, TimeUnit.SECONDS).isRight()).isTrue();
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(calls.get()).isEqualTo(1);
    assertThat(verifier.introspectionCalls()).isEqualTo(1);
    assertThat(verifier.joinedIntrospections()).isGreaterThanOrEqualTo(49);
  }

  @Test
  void anUnreachableTokensmithIsUnavailableAndNothingIsKept() {
    server.stop(0);
    assertThatThrownBy(() -> verify("tks_d", READ)).isInstanceOf(TokensmithUnavailable.class);
    assertThatThrownBy(() -> verify("tks_d", READ)).isInstanceOf(TokensmithUnavailable.class);
    assertThat(verifier.introspectionCalls()).as("the failure was not cached").isEqualTo(2);
  }

  @Test
  void anErrorAnswerIsUnavailableNotARefusal() {
    status.set(500);
    assertThatThrownBy(() -> verify("tks_e", READ)).isInstanceOf(TokensmithUnavailable.class);
    status.set(200);
    assertThat(verify("tks_e", READ).isRight()).as("the error was not cached").isTrue();
  }

  @Test
  void aRefusedIntrospectionTokenIsUnavailableNotAPass() {
    status.set(401);
    answer.set("{\"error\":\"invalid_token\"}");
    assertThatThrownBy(() -> verify("tks_f", READ))
        .isInstanceOf(TokensmithUnavailable.class)
        .hasMessageNotContaining("tks_service");
  }

  @Test
  void missingAndAmbiguousValuesAreRefusedWithoutACall() {
    assertThat(
            verifier
                .verify(new TokenCheck(List.of(), READ, "GET /invoices", "127.0.0.1"))
                .getLeft()
                .status())
        .isEqualTo(401);
    assertThat(
            verifier
                .verify(new TokenCheck(List.of("tks_a", "tks_b"), READ, "GET /", "127.0.0.1"))
                .getLeft()
                .reason())
        .isEqualTo("ambiguous_credentials");
    assertThat(calls.get()).isZero();
  }

  @Test
  void theVerifierNamesNoSecret() {
    assertThat(verifier.toString()).doesNotContain("tks_service");
  }
}
