package dev.tokensmith.adapter.persistence;

import com.zaxxer.hikari.HikariDataSource;
import io.vavr.control.Option;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The one PostgreSQL of the test JVM, started on first use and stopped by a shutdown hook: an
 * embedded server on a temporary data directory, or the server named by {@code TOKENSMITH_DB_URL}
 * (with {@code TOKENSMITH_DB_USER} and {@code TOKENSMITH_DB_PASSWORD}).
 */
final class TestDatabase {
  private final Database database;

  private TestDatabase() {
    Map<String, String> environment = System.getenv();
    DatabaseConfig fromEnvironment = DatabaseConfig.fromEnvironment(environment);
    Option<Path> temporary =
        fromEnvironment.isEmbedded() ? Option.some(temporaryDirectory()) : Option.none();
    DatabaseConfig config =
        temporary
            .map(DatabaseConfig::embedded)
            .getOrElse(fromEnvironment)
            .withPool(12, fromEnvironment.connectionTimeout());
    this.database = Database.start(config);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  database.close();
                  temporary.forEach(TestDatabase::deleteOnceStopped);
                },
                "tokensmith-test-database"));
  }

  /** Loaded (and so started) on first use, once per JVM. */
  private static final class Holder {
    private static final TestDatabase INSTANCE = new TestDatabase();
  }

  static Database database() {
    return Holder.INSTANCE.database;
  }

  static PostgresAdapters adapters() {
    return database().adapters();
  }

  /** Another pool on the same database, as a second service instance would have; close it. */
  static HikariDataSource secondPool() {
    return database().newPool("second-instance");
  }

  static Path temporaryDirectory() {
    try {
      return Files.createTempDirectory("tokensmith-test-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The embedded server's own shutdown hook may be the one stopping it, concurrently with ours:
   * wait until it has released its data directory before deleting it.
   */
  private static void deleteOnceStopped(Path directory) {
    Path pidFile = directory.resolve("postgres").resolve("postmaster.pid");
    long deadline = System.nanoTime() + java.time.Duration.ofSeconds(15).toNanos();
    while (Files.exists(pidFile) && System.nanoTime() < deadline) {
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    deleteQuietly(directory);
  }

  static void deleteQuietly(Path directory) {
    try (Stream<Path> paths = Files.walk(directory)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException | UncheckedIOException e) {
      // a temporary directory left behind is harmless
    }
  }
}
