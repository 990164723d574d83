package dev.tokensmith.bootstrap.e2e;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * A PostgreSQL database shared by several applications, set up as docs/operations.md tells an
 * administrator to: tokensmith's role is no superuser, may not create databases, roles or schemas,
 * and owns only its schema; a reporting role may read some columns of it. The server is embedded
 * and trusts local connections, so the roles need no password here.
 */
final class SharedDatabase implements AutoCloseable {
  static final String DATABASE = "shared";
  static final String ROLE = "tokensmith_app";
  static final String SCHEMA = "tokensmith";
  static final String REPORTING_ROLE = "tokensmith_report";

  private final EmbeddedPostgres server;

  private SharedDatabase(EmbeddedPostgres server) {
    this.server = server;
  }

  /**
   * Starts the server and runs the administrator's set-up as the superuser; {@code roleSearchPath}
   * gives tokensmith's role its schema as search path (needed behind a transaction-mode pooler).
   */
  static SharedDatabase start(boolean roleSearchPath) throws IOException, SQLException {
    EmbeddedPostgres server =
        EmbeddedPostgres.builder()
            .setLocaleConfig("locale", "C")
            .setServerConfig("listen_addresses", "127.0.0.1")
            .start();
    SharedDatabase shared = new SharedDatabase(server);
    try {
      shared.asSuperuser(
          "postgres",
          "CREATE ROLE " + ROLE + " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT",
          "CREATE ROLE " + REPORTING_ROLE + " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT",
          "CREATE DATABASE " + DATABASE + " ENCODING 'UTF8'");
      shared.asSuperuser(
          DATABASE,
          "REVOKE ALL ON DATABASE " + DATABASE + " FROM PUBLIC",
          "REVOKE CREATE ON SCHEMA public FROM PUBLIC",
          "GRANT CONNECT ON DATABASE " + DATABASE + " TO " + ROLE + ", " + REPORTING_ROLE,
          "CREATE SCHEMA " + SCHEMA + " AUTHORIZATION " + ROLE,
          "GRANT USAGE ON SCHEMA " + SCHEMA + " TO " + REPORTING_ROLE);
      if (roleSearchPath) {
        shared.asSuperuser(
            DATABASE,
            "ALTER ROLE " + ROLE + " IN DATABASE " + DATABASE + " SET search_path = " + SCHEMA);
      }
      return shared;
    } catch (SQLException | RuntimeException e) {
      server.close();
      throw e;
    }
  }

  int port() {
    return server.getPort();
  }

  /** The database's direct JDBC URL. */
  String url() {
    return "jdbc:postgresql://127.0.0.1:" + port() + "/" + DATABASE;
  }

  /** Runs {@code statements} in {@code database} as the superuser. */
  void asSuperuser(String database, String... statements) throws SQLException {
    as("postgres", database, statements);
  }

  /** Runs {@code statements} in the shared database as {@code role}. */
  void as(String role, String database, String... statements) throws SQLException {
    try (Connection connection = connect(role, database);
        Statement statement = connection.createStatement()) {
      for (String sql : statements) {
        statement.execute(sql);
      }
    }
  }

  /** A direct connection to {@code database} as {@code role}; close it. */
  Connection connect(String role, String database) throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("user", role);
    return DriverManager.getConnection(
        "jdbc:postgresql://127.0.0.1:" + port() + "/" + database, properties);
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
