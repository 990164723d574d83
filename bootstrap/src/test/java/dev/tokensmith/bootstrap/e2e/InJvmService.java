package dev.tokensmith.bootstrap.e2e;

import dev.tokensmith.application.fake.MutableClock;
import dev.tokensmith.bootstrap.Configuration;
import dev.tokensmith.bootstrap.TokensmithService;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

/** The whole service in this JVM on its embedded PostgreSQL, as the end-to-end tests start it. */
final class InJvmService {
  private InJvmService() {}

  /**
   * The service on a free port with its data in {@code dataDir}, the administrator's password
   * {@code adminPassword}, a clock at 2026-06-01T08:00Z and its start-up output discarded.
   */
  static TokensmithService start(Path dataDir, String adminPassword) {
    return start(dataDir, adminPassword, new MutableClock(Instant.parse("2026-06-01T08:00:00Z")));
  }

  /** The same service on {@code clock}, which the test may move. */
  static TokensmithService start(Path dataDir, String adminPassword, MutableClock clock) {
    Configuration config =
        Configuration.from(
                Map.of(
                    "TOKENSMITH_HTTP_PORT",
                    "0",
                    "TOKENSMITH_DATA_DIR",
                    dataDir.toString(),
                    "TOKENSMITH_ADMIN_PASSWORD",
                    adminPassword))
            .get();
    return TokensmithService.start(
        config, clock, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
  }
}
