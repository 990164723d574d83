package dev.tokensmith.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokensmith.application.contract.ContractFixtures;
import dev.tokensmith.application.port.out.StorageFailure;
import dev.tokensmith.application.port.out.TokenLookup;
import dev.tokensmith.domain.account.Profile;
import dev.tokensmith.domain.account.User;
import dev.tokensmith.domain.token.PersonalToken;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Starting, restarting and losing the database; and the startup errors a person reads. */
class DatabaseLifecycleTest {
  @Test
  void dataSurvivesARestartOfTheEmbeddedServerOnTheSameDataDirectory(@TempDir Path dataDirectory) {
    User owner;
    PersonalToken token;
    try (Database first = Database.start(DatabaseConfig.embedded(dataDirectory))) {
      assertThat(first.isEmbedded()).isTrue();
      assertThat(first.description()).contains(dataDirectory.resolve("postgres").toString());
      owner = ContractFixtures.user(first.adapters().accounts(), Profile.REST_SERVICES_USER);
      token = ContractFixtures.personalToken(owner);
      first.adapters().tokens().add(token);
      first.adapters().usage().recordUse(token.id(), ContractFixtures.T0, "192.0.2.1");

      // a second service on the same data directory is refused while the first one runs
      assertThatThrownBy(() -> Database.start(DatabaseConfig.embedded(dataDirectory)))
          .isInstanceOf(DatabaseStartupException.class)
          .hasMessageStartingWith("cannot use data directory " + dataDirectory.toAbsolutePath())
          .hasMessageContaining("still runs on it");
    }
    try (Database second = Database.start(DatabaseConfig.embedded(dataDirectory))) {
      assertThat(second.adapters().accounts().user(owner.id())).contains(owner);
      TokenLookup lookup = second.adapters().tokens().lookup(token.id());
      assertThat(lookup).isInstanceOf(TokenLookup.Found.class);
      assertThat(((TokenLookup.Found) lookup).token().usage().useCount()).isEqualTo(1);
      assertThat(Migrations.migrate(second.dataSource())).isZero();
    }
  }

  @Test
  void theMigrationThatAddsTheTokensCopiesFillsThemForTheTokensAlreadyThere() {
    String schema = "migration_test_" + ContractFixtures.unique("");
    var jdbi = TestDatabase.adapters().jdbi();
    try {
      Flyway.configure(Migrations.class.getClassLoader())
          .dataSource(TestDatabase.database().dataSource())
          .schemas(schema)
          .defaultSchema(schema)
          .locations(Migrations.LOCATION)
          .target("4")
          .load()
          .migrate();
      jdbi.useHandle(
          handle -> {
            handle.execute("SET search_path TO " + schema);
            handle.execute(
                "INSERT INTO organizations (id, name) OVERRIDING SYSTEM VALUE"
                    + " VALUES (1, 'Old Company')");
            handle.execute(
                "INSERT INTO persons (id, first_name, name, email, organization_id)"
                    + " OVERRIDING SYSTEM VALUE VALUES (1, 'Ada', 'Lovelace', 'ada@example.com', 1)");
            handle.execute(
                "INSERT INTO users (id, login, status, organization_id,"
                    + " contact_person_id, profiles, password_hash) OVERRIDING SYSTEM VALUE"
                    + " VALUES (1, 'ada', 'disabled', 1, 1, '{\"REST Services User\"}', 'x')");
            handle.execute(
                "INSERT INTO tokens (id, kind, owner_user_id, application, scopes,"
                    + " digest, created_at) VALUES ('00000000-0000-0000-0000-000000000001',"
                    + " 'personal', 1, 'script', '{rest}', 'hmac-sha256$k1$x', now())");
            handle.execute(
                "INSERT INTO tokens (id, kind, login, status, organization_id,"
                    + " profiles, scopes, digest, created_at) VALUES"
                    + " ('00000000-0000-0000-0000-000000000002', 'application', 'svc', 'enabled',"
                    + " 1, '{}', '{rest}', 'hmac-sha256$k1$x', now())");
            handle.execute("RESET search_path");
          });

      assertThat(Migrations.migrate(TestDatabase.database().dataSource(), schema))
          .isEqualTo(migrationsAfter(4));

      List<String> copies =
          jdbi.withHandle(
              handle ->
                  handle
                      .createQuery(
                          "SELECT concat_ws('|', owner_login, owner_status,"
                              + " array_to_string(owner_profiles, ','), organization_name) FROM "
                              + schema
                              + ".tokens ORDER BY id")
                      .mapTo(String.class)
                      .list());
      assertThat(copies).containsExactly("ada|disabled|REST Services User", "Old Company");
    } finally {
      jdbi.useHandle(handle -> handle.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE"));
    }
  }

  @Test
  void migrationsApplyToAnEmptySchemaAndASecondRunDoesNothing() {
    String schema = "migration_test_" + ContractFixtures.unique("");
    var jdbi = TestDatabase.adapters().jdbi();
    try {
      assertThat(Migrations.migrate(TestDatabase.database().dataSource(), schema))
          .isEqualTo(migrationsAfter(0));
      List<String> tables =
          jdbi.withHandle(
              handle ->
                  handle
                      .createQuery(
                          "SELECT table_name FROM information_schema.tables"
                              + " WHERE table_schema = :schema ORDER BY table_name")
                      .bind("schema", schema)
                      .mapTo(String.class)
                      .list());
      assertThat(tables)
          .contains(
              "organizations",
              "persons",
              "users",
              "tokens",
              "token_tombstones",
              "authentication_failures",
              "audit_events",
              "pepper_checks",
              "web_sessions",
              "failed_attempts",
              "registered_scopes",
              "flyway_schema_history");
      assertThat(Migrations.migrate(TestDatabase.database().dataSource(), schema)).isZero();
    } finally {
      jdbi.useHandle(handle -> handle.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE"));
    }
  }

  @Test
  void aDataDirectoryThatIsAFileIsRefusedInOneSentence(@TempDir Path directory) throws Exception {
    Path file = Files.writeString(directory.resolve("not-a-directory"), "x");
    assertThatThrownBy(() -> Database.start(DatabaseConfig.embedded(file)))
        .isInstanceOf(DatabaseStartupException.class)
        .hasMessage("cannot use data directory " + file + ": it is a file, not a directory");
    assertThatThrownBy(() -> Database.start(DatabaseConfig.embedded(file.resolve("below"))))
        .isInstanceOf(DatabaseStartupException.class)
        .hasMessageStartingWith(
            "cannot use data directory " + file.resolve("below") + ": cannot create it (")
        .hasMessageNotContaining("\n");
  }

  @Test
  void aTakenPortIsRefusedInOneSentence(@TempDir Path dataDirectory) throws Exception {
    try (ServerSocket taken = new ServerSocket()) {
      taken.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      int port = taken.getLocalPort();
      assertThatThrownBy(
              () -> Database.start(DatabaseConfig.embedded(dataDirectory).withPort(port)))
          .isInstanceOf(DatabaseStartupException.class)
          .hasMessage(
              "cannot start the embedded PostgreSQL on port " + port + ": the port is taken");
    }
  }

  @Test
  void anUnreachableServerIsRefusedInOneSentenceWithoutItsPassword() {
    DatabaseConfig config =
        DatabaseConfig.external("jdbc:postgresql://127.0.0.1:1/x", "someone", "hunter2-secret")
            .withPool(2, Duration.ofSeconds(1));
    assertThat(config.toString()).doesNotContain("hunter2-secret");
    assertThatThrownBy(() -> Database.start(config))
        .isInstanceOf(DatabaseStartupException.class)
        .hasMessage(
            "cannot reach PostgreSQL at jdbc:postgresql://127.0.0.1:1/x: connection refused");
    assertThatThrownBy(
            () ->
                Database.start(
                    DatabaseConfig.external(
                        "jdbc:postgresql://127.0.0.1:1/x?password=hunter2-secret", null, null)))
        .hasMessage(
            "cannot reach PostgreSQL at jdbc:postgresql://127.0.0.1:1/x: connection refused");
  }

  @Test
  void aDatabaseThatGoesAwayGivesStorageFailuresAndIsUsedAgainWhenItReturns(@TempDir Path directory)
      throws Exception {
    EmbeddedPostgres server = embeddedServer(directory, 0);
    int port = server.getPort();
    DatabaseConfig config =
        DatabaseConfig.external(
                "jdbc:postgresql://localhost:" + port + "/postgres", "postgres", null)
            .withPool(2, Duration.ofSeconds(1));
    try (Database database = Database.start(config)) {
      PostgresAdapters adapters = database.adapters();
      adapters.probe().ping();
      User owner = ContractFixtures.user(adapters.accounts(), Profile.REST_SERVICES_USER);
      PersonalToken token = ContractFixtures.personalToken(owner);
      adapters.tokens().add(token);

      server.close();

      assertThatThrownBy(() -> adapters.probe().ping()).isInstanceOf(StorageFailure.class);
      assertThatThrownBy(() -> adapters.tokens().lookup(token.id()))
          .isInstanceOf(StorageFailure.class)
          .hasMessageStartingWith("the database call failed");
      assertThatThrownBy(() -> adapters.accounts().userByLogin(owner.login()))
          .isInstanceOf(StorageFailure.class);
      assertThatThrownBy(() -> adapters.tokens().add(ContractFixtures.personalToken(owner)))
          .isInstanceOf(StorageFailure.class)
          .hasMessageNotContaining(token.credential().digest().encoded());

      server = embeddedServer(directory, port);
      assertThat(eventuallyAnswers(adapters)).isTrue();
      assertThat(adapters.tokens().lookup(token.id()))
          .isEqualTo(new TokenLookup.Found(token, owner.asTokenOwner()));
    } finally {
      server.close();
    }
  }

  @Test
  void aStatementTheServerDoesNotAnswerFailsAtTheSocketTimeoutInsteadOfHanging() throws Exception {
    String url;
    try (var connection = TestDatabase.database().dataSource().getConnection()) {
      url = connection.getMetaData().getURL();
    }
    DatabaseConfig config =
        DatabaseConfig.external(url, "postgres", null).withSocketTimeout(Duration.ofSeconds(1));
    try (Database database = Database.start(config)) {
      Storage storage = new Storage(database.adapters().jdbi());
      // a server that takes 5 s to answer, as a hung one would take forever
      assertThatThrownBy(
              () ->
                  storage.read(
                      handle -> handle.createQuery("SELECT pg_sleep(5)").mapTo(String.class).one()))
          .isInstanceOf(StorageFailure.class)
          .hasRootCauseInstanceOf(SocketTimeoutException.class);
      // the broken connection is dropped; the next statement gets a healthy one
      database.adapters().probe().ping();
    }
  }

  @Test
  void usesPendingWhileTheDatabaseIsAwayAreWrittenWhenItReturns(@TempDir Path directory)
      throws Exception {
    EmbeddedPostgres server = embeddedServer(directory, 0);
    int port = server.getPort();
    DatabaseConfig config =
        DatabaseConfig.external(
                "jdbc:postgresql://localhost:" + port + "/postgres", "postgres", null)
            .withPool(2, Duration.ofSeconds(1));
    try (Database database = Database.start(config, Duration.ofHours(1))) {
      PostgresAdapters adapters = database.adapters();
      User owner = ContractFixtures.user(adapters.accounts(), Profile.REST_SERVICES_USER);
      PersonalToken token = ContractFixtures.personalToken(owner);
      adapters.tokens().add(token);
      adapters.usage().recordUse(token.id(), ContractFixtures.T0, "192.0.2.1");

      server.close();

      assertThatThrownBy(() -> adapters.usage().flushUses()).isInstanceOf(StorageFailure.class);
      adapters.usage().recordUse(token.id(), ContractFixtures.T0.plusSeconds(1), "192.0.2.2");
      assertThatThrownBy(() -> adapters.usage().flushUses()).isInstanceOf(StorageFailure.class);
      assertThat(adapters.usage().pendingUseTokens()).isEqualTo(1);

      server = embeddedServer(directory, port);
      assertThat(eventuallyAnswers(adapters)).isTrue();
      adapters.usage().flushUses();
      long stored =
          adapters
              .jdbi()
              .withHandle(
                  handle ->
                      handle
                          .createQuery("SELECT use_count FROM tokens WHERE id = :id")
                          .bind("id", token.id().uuid())
                          .mapTo(Long.class)
                          .one());
      assertThat(stored).isEqualTo(2);
    } finally {
      server.close();
    }
  }

  private static EmbeddedPostgres embeddedServer(Path directory, int port) throws Exception {
    EmbeddedPostgres.Builder builder =
        EmbeddedPostgres.builder()
            .setDataDirectory(directory.resolve("postgres"))
            .setCleanDataDirectory(false);
    if (port != 0) {
      builder.setPort(port);
    }
    return builder.start();
  }

  private static boolean eventuallyAnswers(PostgresAdapters adapters) throws InterruptedException {
    // a restarted server on a loaded machine may take a while to accept connections
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      try {
        adapters.probe().ping();
        return true;
      } catch (StorageFailure e) {
        Thread.sleep(100);
      }
    }
    return false;
  }

  /** How many migrations have a version above {@code version} (numbers may have gaps). */
  private static int migrationsAfter(int version) {
    try (var files =
        java.nio.file.Files.list(java.nio.file.Path.of("src/main/resources/db/migration"))) {
      return (int)
          files
              .map(file -> file.getFileName().toString())
              .filter(name -> name.matches("V\\d+__.*\\.sql"))
              .mapToInt(name -> Integer.parseInt(name.substring(1, name.indexOf("__"))))
              .filter(number -> number > version)
              .count();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
