package dev.tokensmith.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.tokensmith.application.port.out.StorageFailure;
import dev.tokensmith.application.port.out.StorageRefusedInput;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Database faults are classified by SQLSTATE class, through the real adapters on PostgreSQL: the
 * caller's text the database cannot hold (22021), a computed value out of range (22003), a stopped
 * server (08) and a pool with no free connection (its timeout).
 */
class StorageClassesTest {
  @Test
  void aNulCharacterThatReachesTheDatabaseIsRefusedInputNotAnOutage() {
    assertThatThrownBy(() -> TestDatabase.adapters().accounts().userByLogin("ad\u0000min"))
        .isInstanceOf(StorageRefusedInput.class)
        .isNotInstanceOf(StorageFailure.class)
        .hasMessage("the database refused a text value of the request (SQLSTATE 22021)");
  }

  @Test
  void aNumericOverflowOfTheServicesOwnValueIsAProgrammingError() {
    Storage storage = new Storage(TestDatabase.adapters().jdbi());
    assertThatThrownBy(
            () ->
                storage.read(
                    handle ->
                        handle
                            .createQuery("SELECT CAST(:count AS bigint) + 1")
                            .bind("count", Long.MAX_VALUE)
                            .mapTo(Long.class)
                            .one()))
        .isInstanceOf(IllegalStateException.class)
        .isNotInstanceOf(StorageFailure.class)
        .hasMessage("the database refused a value the service computed (SQLSTATE 22003)");
  }

  @Test
  void aStoppedDatabaseIsStorageUnavailable(@TempDir Path directory) throws Exception {
    EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(directory).start();
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
    config.setMaximumPoolSize(2);
    config.setConnectionTimeout(1000);
    config.setInitializationFailTimeout(-1);
    try (HikariDataSource pool = new HikariDataSource(config)) {
      Migrations.migrate(pool);
      PostgresAdapters adapters = PostgresAdapters.on(pool);
      assertThat(adapters.accounts().userByLogin("nobody")).isEmpty();
      postgres.close();
      assertThatThrownBy(() -> adapters.accounts().userByLogin("nobody"))
          .isInstanceOf(StorageFailure.class)
          .hasMessageMatching("the database call failed \\((SQLSTATE (08|57P0)\\w+|\\w+)\\)");
      assertThatThrownBy(() -> adapters.probe().ping()).isInstanceOf(StorageFailure.class);
    } finally {
      postgres.close();
    }
  }

  @Test
  void aPoolWithoutAFreeConnectionIsStorageUnavailableAfterItsTimeout() throws Exception {
    HikariConfig config = new HikariConfig();
    try (HikariDataSource template = TestDatabase.secondPool()) {
      config.setJdbcUrl(template.getJdbcUrl());
      config.setUsername(template.getUsername());
      config.setPassword(template.getPassword());
    }
    config.setMaximumPoolSize(1);
    config.setConnectionTimeout(250);
    try (HikariDataSource pool = new HikariDataSource(config);
        Connection held = pool.getConnection()) {
      PostgresAdapters adapters = PostgresAdapters.on(pool);
      assertThatThrownBy(() -> adapters.accounts().userByLogin("nobody"))
          .isInstanceOf(StorageFailure.class)
          .hasMessage("the database call failed (SQLTransientConnectionException)");
      assertThat(held.isValid(1)).isTrue();
    }
  }
}
