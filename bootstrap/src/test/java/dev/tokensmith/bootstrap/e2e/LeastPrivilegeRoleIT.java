package dev.tokensmith.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokensmith.bootstrap.StartupFailure;
import dev.tokensmith.bootstrap.TokensmithService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The service connected directly to a database shared with other applications, as a role that is no
 * superuser and owns only its schema (named by {@code TOKENSMITH_DB_SCHEMA}, not by the role's
 * search path): it migrates the schema and carries the whole flow; everything it made lives in its
 * schema; the reporting role of docs/operations.md reads what it was granted and nothing more.
 */
class LeastPrivilegeRoleIT {
  private static final String ADMIN_PASSWORD = "an admin password for tests";

  private static SharedDatabase database;
  private static Path dataDir;

  @BeforeAll
  static void start() throws Exception {
    database = SharedDatabase.start(false);
    dataDir = Files.createTempDirectory("tokensmith-least-privilege-e2e");
  }

  @AfterAll
  static void stop() throws Exception {
    if (database != null) {
      database.close();
    }
  }

  private static Map<String, String> environment(String schema) {
    Map<String, String> environment = InJvmService.environment(dataDir, ADMIN_PASSWORD);
    environment.put("TOKENSMITH_DB_URL", database.url());
    environment.put("TOKENSMITH_DB_USER", SharedDatabase.ROLE);
    environment.put("TOKENSMITH_DB_SCHEMA", schema);
    return environment;
  }

  private static TokensmithService start(Map<String, String> environment) {
    return InJvmService.start(environment, InJvmService.clock());
  }

  @Test
  void theRoleMigratesItsSchemaAndCarriesTheFlowAndEverythingItMadeStaysInItsSchema()
      throws Exception {
    try (Connection superuser = database.connect("postgres", SharedDatabase.DATABASE)) {
      assertThat(
              single(
                  superuser,
                  "SELECT rolsuper OR rolcreatedb OR rolcreaterole FROM pg_roles"
                      + " WHERE rolname = '"
                      + SharedDatabase.ROLE
                      + "'"))
          .isEqualTo("f");
    }
    try (TokensmithService service = start(environment(SharedDatabase.SCHEMA))) {
      new ProductionFlow(new Http(service.port())).run(ADMIN_PASSWORD);
    }

    try (Connection superuser = database.connect("postgres", SharedDatabase.DATABASE)) {
      List<String> owners =
          column(
              superuser,
              "SELECT DISTINCT pg_get_userbyid(c.relowner) FROM pg_class c"
                  + " JOIN pg_namespace n ON n.oid = c.relnamespace"
                  + " WHERE n.nspname = '"
                  + SharedDatabase.SCHEMA
                  + "'");
      assertThat(owners).containsExactly(SharedDatabase.ROLE);
      assertThat(
              column(
                  superuser,
                  "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                      + " WHERE n.nspname = '"
                      + SharedDatabase.SCHEMA
                      + "' AND c.relkind = 'r'"))
          .contains("flyway_schema_history", "tokens", "users");
      assertThat(
              column(
                  superuser,
                  "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                      + " WHERE n.nspname = 'public'"))
          .isEmpty();
    }

    // the reporting role of docs/operations.md: some columns of the tokens, never a digest
    database.as(
        SharedDatabase.ROLE,
        SharedDatabase.DATABASE,
        "GRANT SELECT (id, kind, application, login, scopes, created_at, expires_at, use_count,"
            + " last_used_at) ON "
            + SharedDatabase.SCHEMA
            + ".tokens TO "
            + SharedDatabase.REPORTING_ROLE);
    try (Connection reporting =
        database.connect(SharedDatabase.REPORTING_ROLE, SharedDatabase.DATABASE)) {
      assertThat(
              Long.parseLong(
                  single(
                      reporting,
                      "SELECT sum(use_count) FROM " + SharedDatabase.SCHEMA + ".tokens")))
          .isGreaterThanOrEqualTo(ProductionFlow.THREADS * ProductionFlow.ROUNDS);
      assertThatThrownBy(
              () -> single(reporting, "SELECT digest FROM " + SharedDatabase.SCHEMA + ".tokens"))
          .isInstanceOf(SQLException.class)
          .extracting(e -> ((SQLException) e).getSQLState())
          .isEqualTo("42501");
      assertThatThrownBy(
              () ->
                  single(
                      reporting,
                      "UPDATE "
                          + SharedDatabase.SCHEMA
                          + ".tokens SET use_count = 0 RETURNING use_count"))
          .isInstanceOf(SQLException.class)
          .extracting(e -> ((SQLException) e).getSQLState())
          .isEqualTo("42501");
      assertThatThrownBy(
              () -> single(reporting, "SELECT count(*) FROM " + SharedDatabase.SCHEMA + ".users"))
          .isInstanceOf(SQLException.class)
          .extracting(e -> ((SQLException) e).getSQLState())
          .isEqualTo("42501");
    }
  }

  @Test
  void aSchemaTheRoleMayNotCreateStopsTheStartInOneSentence() {
    assertThatThrownBy(() -> start(environment("not_granted")))
        .isInstanceOf(StartupFailure.class)
        .hasMessageContaining("not_granted")
        .satisfies(e -> assertThat(e.getMessage().lines()).hasSize(1));
  }

  private static String single(Connection connection, String sql) throws SQLException {
    List<String> values = column(connection, sql);
    assertThat(values).as(sql).hasSize(1);
    return values.get(0);
  }

  private static List<String> column(Connection connection, String sql) throws SQLException {
    List<String> values = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      while (result.next()) {
        values.add(result.getString(1));
      }
    }
    return values;
  }
}
