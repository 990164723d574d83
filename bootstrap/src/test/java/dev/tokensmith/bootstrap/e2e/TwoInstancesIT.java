package dev.tokensmith.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokensmith.bootstrap.TokensmithService;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Two service instances (separate pools, separate processes' worth of memory) on one PostgreSQL, as
 * behind a load balancer: web sessions, token changes and use counts are shared through the
 * database only; the database stopped under load and started again; both instances restarted.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoInstancesIT {
  private static final String ADMIN_PASSWORD = "an admin password for tests";

  private static Path root;
  private static EmbeddedPostgres postgres;
  private static int databasePort;
  private static TokensmithService a;
  private static TokensmithService b;
  private static Http httpA;
  private static Http httpB;

  @BeforeAll
  static void start() throws Exception {
    root = Files.createTempDirectory("tokensmith-two-instances");
    postgres = startPostgres(0);
    databasePort = postgres.getPort();
    a = instance("a");
    b = instance("b");
    httpA = new Http(a.port());
    httpB = new Http(b.port());
  }

  @AfterAll
  static void stop() throws Exception {
    InJvmService.closeAll(a, b, postgres);
  }

  private static EmbeddedPostgres startPostgres(int port) throws Exception {
    EmbeddedPostgres.Builder builder =
        EmbeddedPostgres.builder()
            .setDataDirectory(root.resolve("postgres"))
            .setCleanDataDirectory(false);
    if (port != 0) {
      builder.setPort(port);
    }
    return builder.start();
  }

  private static TokensmithService instance(String name) {
    Map<String, String> env =
        InJvmService.sharedDatabaseEnvironment(databasePort, root.resolve(name), ADMIN_PASSWORD);
    env.put("TOKENSMITH_USAGE_FLUSH_MILLIS", "50");
    return InJvmService.start(env, Clock.systemUTC());
  }

  /** A new personal token of the session's user, made on {@code http}: its id and value. */
  private static String[] newToken(Http http, String[] session, String application) {
    HttpResponse<String> created =
        http.send(
            "POST",
            "/api/v1/me/tokens",
            "{\"application\":\"" + application + "\",\"scopes\":[\"rest\"]}",
            session);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return new String[] {Http.field(created.body(), "id"), Http.field(created.body(), "secret")};
  }

  private static HttpResponse<String> self(Http http, String token) {
    return http.get("/api/v1/tokens/self", "Auth-Token", token);
  }

  private static String reason(HttpResponse<String> response) {
    return Http.field(response.body(), "reason");
  }

  private static long useCount(Http http, String[] session, String id) {
    HttpResponse<String> view = http.get("/api/v1/me/tokens/" + id, session);
    assertThat(view.statusCode()).as(view.body()).isEqualTo(200);
    return Http.number(view.body(), "useCount");
  }

  /** Waits (at most two minutes: the machine may be loaded) until {@code condition} holds. */
  private static void awaitUntil(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
  }

  @Test
  @Order(1)
  void aSessionStartedOnOneInstanceWorksOnTheOtherAndChangesAreSeenAtOnce() {
    String[] onA = httpA.signIn("admin", ADMIN_PASSWORD);
    HttpResponse<String> me = httpB.get("/api/v1/me", onA);
    assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
    assertThat(Http.field(me.body(), "login")).isEqualTo("admin");

    // an unsafe call on B with the CSRF token A answered
    String[] token = newToken(httpB, onA, "two instances");
    assertThat(self(httpA, token[1]).statusCode()).isEqualTo(200);

    // refreshed on A: the old value is refused on B at the very next call
    HttpResponse<String> refreshed =
        httpA.send("POST", "/api/v1/me/tokens/" + token[0] + "/refresh", null, onA);
    assertThat(refreshed.statusCode()).as(refreshed.body()).isEqualTo(200);
    HttpResponse<String> old = self(httpB, token[1]);
    assertThat(old.statusCode()).isEqualTo(401);
    assertThat(reason(old)).isEqualTo("token_refreshed");
    String newValue = Http.field(refreshed.body(), "secret");
    assertThat(self(httpB, newValue).statusCode()).isEqualTo(200);

    // deleted on B: refused on A at the very next call
    assertThat(httpB.send("DELETE", "/api/v1/me/tokens/" + token[0], null, onA).statusCode())
        .isEqualTo(204);
    HttpResponse<String> deleted = self(httpA, newValue);
    assertThat(deleted.statusCode()).isEqualTo(401);
    assertThat(reason(deleted)).isEqualTo("token_deleted");

    // signed out on B: the session is refused on A
    String[] second = httpB.signIn("admin", ADMIN_PASSWORD);
    assertThat(httpA.get("/api/v1/me", second).statusCode()).isEqualTo(200);
    assertThat(httpB.send("DELETE", "/api/v1/session", null, second).statusCode()).isEqualTo(204);
    HttpResponse<String> ended = httpA.get("/api/v1/me", second);
    assertThat(ended.statusCode()).isEqualTo(401);
    assertThat(Http.field(ended.body(), "error")).isEqualTo("session_ended");

    // signed out everywhere on A: the first session is refused on B
    assertThat(httpA.send("DELETE", "/api/v1/me/sessions", null, onA).statusCode()).isEqualTo(200);
    assertThat(httpB.get("/api/v1/me", onA).statusCode()).isEqualTo(401);
  }

  @Test
  @Order(2)
  void usesSpreadOverBothInstancesAreCountedExactly() throws Exception {
    String[] admin = httpA.signIn("admin", ADMIN_PASSWORD);
    String[] token = newToken(httpA, admin, "4000 calls");
    int calls = 4000;
    AtomicInteger next = new AtomicInteger();
    AtomicInteger ok = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> running = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        running.add(
            pool.submit(
                () -> {
                  for (int i = next.getAndIncrement(); i < calls; i = next.getAndIncrement()) {
                    Http http = i % 2 == 0 ? httpA : httpB;
                    if (self(http, token[1]).statusCode() == 200) {
                      ok.incrementAndGet();
                    }
                  }
                }));
      }
      for (Future<?> future : running) {
        future.get();
      }
    } finally {
      pool.shutdown();
    }
    assertThat(ok.get()).isEqualTo(calls);
    // each instance writes its own coalesced uses and adds only its own pending ones to what it
    // reads: A may see all of them while its last uses are not yet written for B to see
    awaitUntil(
        () ->
            useCount(httpA, admin, token[0]) == calls && useCount(httpB, admin, token[0]) == calls);
    assertThat(useCount(httpA, admin, token[0])).isEqualTo(calls);
    assertThat(useCount(httpB, admin, token[0])).isEqualTo(calls);
  }

  @Test
  @Order(3)
  void aDatabaseOutageUnderLoadAnswersOnly200Or503AndLosesNoCountedUse() throws Exception {
    String[] admin = httpA.signIn("admin", ADMIN_PASSWORD);
    String[] token = newToken(httpB, admin, "outage");
    Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
    AtomicLong okTokenCalls = new AtomicLong();
    AtomicInteger unavailableWithoutRetryAfter = new AtomicInteger();
    AtomicBoolean running = new AtomicBoolean(true);
    ExecutorService pool = Executors.newFixedThreadPool(6);
    List<Future<?>> load = new ArrayList<>();
    try {
      for (int t = 0; t < 6; t++) {
        int thread = t;
        load.add(
            pool.submit(
                () -> {
                  Http http = thread % 2 == 0 ? httpA : httpB;
                  while (running.get()) {
                    HttpResponse<String> response =
                        thread < 4
                            ? self(http, token[1])
                            : thread == 4
                                ? http.get("/api/v1/me", admin)
                                : http.get("/health/ready");
                    int status = response.statusCode();
                    statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
                    if (status == 200 && thread < 4) {
                      okTokenCalls.incrementAndGet();
                    }
                    if (status == 503 && response.headers().firstValue("Retry-After").isEmpty()) {
                      unavailableWithoutRetryAfter.incrementAndGet();
                    }
                  }
                }));
      }
      awaitUntil(() -> okTokenCalls.get() >= 200);
      postgres.close(); // the database goes away mid-load
      awaitUntil(() -> statuses.getOrDefault(503, new AtomicInteger()).get() >= 20);
      postgres = startPostgres(databasePort);
      long before = okTokenCalls.get();
      // both instances recover by themselves, without a restart
      awaitUntil(
          () ->
              httpA.get("/health/ready").statusCode() == 200
                  && httpB.get("/health/ready").statusCode() == 200
                  && okTokenCalls.get() >= before + 200);
    } finally {
      running.set(false);
      pool.shutdown();
    }
    for (Future<?> future : load) {
      future.get();
    }
    System.out.println(
        "TwoInstancesIT outage: answers by status "
            + statuses
            + ", token calls answered 200: "
            + okTokenCalls.get());
    assertThat(statuses.keySet()).as("statuses seen: " + statuses).containsOnly(200, 503);
    assertThat(statuses.get(503).get()).isGreaterThan(0);
    assertThat(unavailableWithoutRetryAfter.get()).isZero();
    assertThat(httpA.get("/health/ready").statusCode()).isEqualTo(200);
    assertThat(httpB.get("/health/ready").statusCode()).isEqualTo(200);
    // every token call that answered 200 is counted, once both instances flushed
    long expected = okTokenCalls.get();
    awaitUntil(() -> useCount(httpA, admin, token[0]) == expected);
    assertThat(useCount(httpA, admin, token[0])).isEqualTo(expected);
  }

  @Test
  @Order(4)
  void sessionsAndCountsSurviveARestartOfBothInstances() {
    String[] admin = httpA.signIn("admin", ADMIN_PASSWORD);
    String[] token = newToken(httpA, admin, "restart");
    for (int i = 0; i < 10; i++) {
      assertThat(self(i % 2 == 0 ? httpA : httpB, token[1]).statusCode()).isEqualTo(200);
    }
    a.close(); // writes its pending uses
    b.close();
    a = instance("a");
    b = instance("b");
    httpA = new Http(a.port());
    httpB = new Http(b.port());
    HttpResponse<String> me = httpB.get("/api/v1/me", admin);
    assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
    assertThat(useCount(httpA, admin, token[0])).isEqualTo(10);
    assertThat(self(httpA, token[1]).statusCode()).isEqualTo(200);
  }
}
