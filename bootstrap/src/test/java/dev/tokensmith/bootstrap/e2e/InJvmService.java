package dev.tokensmith.bootstrap.e2e;

import dev.tokensmith.application.fake.MutableClock;
import dev.tokensmith.bootstrap.Configuration;
import dev.tokensmith.bootstrap.TokensmithService;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/** The whole service in this JVM, as the end-to-end tests start it. */
final class InJvmService {
  /** The token pepper of the instances that share one database (they must all have the same). */
  static final String SHARED_PEPPER =
      Base64.getEncoder().encodeToString("a pepper of 32 bytes for the IT.".getBytes());

  private InJvmService() {}

  /**
   * The service on a free port with its data in {@code dataDir}, the administrator's password
   * {@code adminPassword}, a clock at 2026-06-01T08:00Z and its start-up output discarded.
   */
  static TokensmithService start(Path dataDir, String adminPassword) {
    return start(dataDir, adminPassword, clock());
  }

  /** A clock at 2026-06-01T08:00Z that stands still until the test moves it. */
  static MutableClock clock() {
    return new MutableClock(Instant.parse("2026-06-01T08:00:00Z"));
  }

  /** The same service on {@code clock}, which the test may move. */
  static TokensmithService start(Path dataDir, String adminPassword, MutableClock clock) {
    return start(environment(dataDir, adminPassword), clock);
  }

  /**
   * The variables of a service on a free port with its data (and its embedded PostgreSQL) in {@code
   * dataDir} and the administrator's password {@code adminPassword}; the test may add more.
   */
  static Map<String, String> environment(Path dataDir, String adminPassword) {
    Map<String, String> environment = new HashMap<>();
    environment.put("TOKENSMITH_HTTP_PORT", "0");
    environment.put("TOKENSMITH_DATA_DIR", dataDir.toString());
    environment.put("TOKENSMITH_ADMIN_PASSWORD", adminPassword);
    return environment;
  }

  /**
   * The variables of one of several instances behind a load balancer: the database {@code postgres}
   * of the server on {@code databasePort} as its superuser, the {@link #SHARED_PEPPER}, no demo
   * data, its own {@code dataDir}; the test may add more.
   */
  static Map<String, String> sharedDatabaseEnvironment(
      int databasePort, Path dataDir, String adminPassword) {
    Map<String, String> environment = environment(dataDir, adminPassword);
    environment.put(
        "TOKENSMITH_DB_URL", "jdbc:postgresql://localhost:" + databasePort + "/postgres");
    environment.put("TOKENSMITH_DB_USER", "postgres");
    environment.put("TOKENSMITH_TOKEN_PEPPER", SHARED_PEPPER);
    environment.put("TOKENSMITH_DEMO_DATA", "false");
    return environment;
  }

  /** Starts the service with {@code environment} on {@code clock}, its output discarded. */
  static TokensmithService start(Map<String, String> environment, Clock clock) {
    return start(environment, clock, new ByteArrayOutputStream());
  }

  /** The same, writing its start-up output to {@code out}. */
  static TokensmithService start(
      Map<String, String> environment, Clock clock, ByteArrayOutputStream out) {
    Configuration config =
        Configuration.from(environment)
            .getOrElseThrow(problems -> new IllegalArgumentException(String.join("; ", problems)));
    return TokensmithService.start(
        config, clock, new PrintStream(out, true, StandardCharsets.UTF_8));
  }

  /** Closes, in this order, what a test started; {@code null} for what it did not get to start. */
  static void closeAll(AutoCloseable... started) throws Exception {
    for (AutoCloseable each : started) {
      if (each != null) {
        each.close();
      }
    }
  }
}
