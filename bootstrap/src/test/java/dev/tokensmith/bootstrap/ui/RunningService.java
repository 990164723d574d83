package dev.tokensmith.bootstrap.ui;

import dev.tokensmith.bootstrap.Configuration;
import dev.tokensmith.bootstrap.TokensmithService;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The whole service (embedded PostgreSQL in a temporary data directory, HTTP on a free port),
 * started once for all browser test classes and stopped when the test run ends.
 */
final class RunningService implements AutoCloseable {
  static final String ADMIN = "admin";
  static final String ADMIN_PASSWORD = "admin-password-of-the-browser-tests";
  static final String PASSWORD = "password-of-a-browser-test-user";

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(RunningService.class);

  private final Path dataDir;
  private final TokensmithService service;
  final String base;
  final Api api;
  private final AtomicInteger names = new AtomicInteger();
  private final AheadClock clock = new AheadClock();

  /**
   * The real time plus what the tests let pass: a token that is to expire does so at once, however
   * long the loaded machine took to create it, without a sleep.
   */
  private static final class AheadClock extends Clock {
    private volatile Duration ahead = Duration.ZERO;

    @Override
    public Instant instant() {
      return Instant.now().plus(ahead);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }

  private RunningService() {
    try {
      dataDir = Files.createTempDirectory("tokensmith-browser-tests");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Configuration config =
        Configuration.from(
                Map.of(
                    "TOKENSMITH_HTTP_PORT",
                    "0",
                    "TOKENSMITH_DATA_DIR",
                    dataDir.toString(),
                    "TOKENSMITH_ADMIN_PASSWORD",
                    ADMIN_PASSWORD,
                    "TOKENSMITH_DEMO_DATA",
                    "false",
                    // no background notification worker: a test runs the rounds itself, so no
                    // delivery is ever half-way through another round while the test reads it
                    "TOKENSMITH_NOTIFICATION_INTERVAL_SECONDS",
                    "0"))
            .getOrElseThrow(problems -> new IllegalStateException(String.join("; ", problems)));
    PrintStream quiet = new PrintStream(PrintStream.nullOutputStream());
    service = TokensmithService.start(config, clock, quiet);
    base = "http://127.0.0.1:" + service.port();
    api = new Api(base);
  }

  /** The service's time now. */
  Instant now() {
    return clock.instant();
  }

  /**
   * Moves the service's clock {@code duration} forward, for the rest of the run: it never goes
   * back, so what other tests made keeps its order.
   */
  void passTime(Duration duration) {
    clock.ahead = clock.ahead.plus(duration);
  }

  /** The service of this test run, started by the first browser test class that asks. */
  static RunningService of(ExtensionContext context) {
    return context
        .getRoot()
        .getStore(NAMESPACE)
        .computeIfAbsent("service", key -> new RunningService(), RunningService.class);
  }

  /** A name no other test of the run uses: {@code prefix-N}. */
  String fresh(String prefix) {
    return prefix + "-" + names.incrementAndGet();
  }

  /** The pool of the service's database, to fill it with SQL. */
  javax.sql.DataSource dataSource() {
    return dev.tokensmith.bootstrap.ServiceInternals.dataSource(service);
  }

  /** An administrator's API session. */
  Api.Session admin() {
    return api.session(ADMIN, ADMIN_PASSWORD);
  }

  /** A new user of {@code My Company} with these profiles and the contact First / Last. */
  String user(String prefix, String... profiles) {
    String login = fresh(prefix);
    admin().createUser(login, PASSWORD, List.of(profiles), "Jane", "Doe " + login);
    return login;
  }

  Api.Session session(String login) {
    return api.session(login, PASSWORD);
  }

  /** Runs one round of the notification worker now (there is no background one). */
  void notificationRound() {
    dev.tokensmith.bootstrap.ServiceInternals.notifications(service).deliverDue();
  }

  @Override
  public void close() throws IOException {
    try {
      service.close();
    } finally {
      try (var files = Files.walk(dataDir)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }
}
