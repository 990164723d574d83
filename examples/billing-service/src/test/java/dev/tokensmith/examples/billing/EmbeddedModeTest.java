package dev.tokensmith.examples.billing;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokensmith.adapter.persistence.Database;
import dev.tokensmith.adapter.persistence.DatabaseConfig;
import dev.tokensmith.adapter.persistence.PostgresAdapters;
import dev.tokensmith.application.fake.MutableClock;
import dev.tokensmith.application.port.out.AccountDirectory;
import dev.tokensmith.application.service.TokensmithCore;
import dev.tokensmith.javalin.TokenVerifier;
import dev.tokensmith.javalin.embedded.EmbeddedTokensmith;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The billing service reading tokensmith's PostgreSQL database itself (the embedded mode): a
 * refresh or a delete is seen at once.
 */
class EmbeddedModeTest extends BillingServiceContract {
  private static Path directory;
  private static Database database;
  private static PostgresAdapters fixtures;
  private static String pepper;

  @BeforeAll
  static void startDatabase() throws IOException {
    directory = Files.createTempDirectory("tokensmith-billing-");
    database = Database.start(DatabaseConfig.embedded(directory));
    fixtures = PostgresAdapters.on(database.dataSource());
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    pepper = Base64.getEncoder().encodeToString(key);
  }

  @AfterAll
  static void stopDatabase() throws IOException {
    fixtures.close();
    database.close();
    try (Stream<Path> paths = Files.walk(directory)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    }
  }

  @Test
  void aPepperThatIsNotTheDatabasesStopsTheBuildNamingTheKeyIdNeverAKey() {
    // the worlds of this class recorded the check value of key k1 with `pepper`
    new Embedded().close();
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    String otherPepper = Base64.getEncoder().encodeToString(key);
    assertThatThrownBy(
            () ->
                EmbeddedTokensmith.builder()
                    .dataSource(database.dataSource())
                    .pepper(otherPepper)
                    .build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("pepper key k1 of the pepper is not the key k1")
        .hasMessageNotContaining(otherPepper)
        .hasMessageNotContaining(pepper);
  }

  @Override
  protected TokensmithWorld newWorld() {
    return new Embedded();
  }

  static final class Embedded implements TokensmithWorld {
    final MutableClock clock = new MutableClock(Instant.parse("2026-01-15T09:00:00Z"));
    final SwitchableDataSource dataSource = new SwitchableDataSource(database.dataSource());
    final EmbeddedTokensmith tokensmith =
        EmbeddedTokensmith.builder().dataSource(dataSource).pepper(pepper).clock(clock).build();

    @Override
    public TokenVerifier verifier() {
      return tokensmith.verifier();
    }

    @Override
    public TokensmithCore core() {
      return tokensmith.core();
    }

    @Override
    public AccountDirectory accounts() {
      return fixtures.accounts();
    }

    @Override
    public MutableClock tokensmithClock() {
      return clock;
    }

    @Override
    public boolean hasCacheWindow() {
      return false;
    }

    @Override
    public void passCacheWindow() {}

    @Override
    public void takeDown() {
      dataSource.down.set(true);
    }

    @Override
    public void close() {
      dataSource.down.set(false);
      tokensmith.close();
    }
  }

  /** The pool, or a database that refuses every connection once {@link #down} is set. */
  static final class SwitchableDataSource implements DataSource {
    final AtomicBoolean down = new AtomicBoolean();
    private final DataSource pool;

    SwitchableDataSource(DataSource pool) {
      this.pool = pool;
    }

    @Override
    public Connection getConnection() throws SQLException {
      if (down.get()) {
        throw new SQLException("Connection refused", "08001");
      }
      return pool.getConnection();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
      return getConnection();
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
      return pool.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
      pool.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
      pool.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
      return pool.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
      return pool.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
      return pool.unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
      return pool.isWrapperFor(iface);
    }
  }
}
