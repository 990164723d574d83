package dev.tokensmith.adapter.persistence;

import io.vavr.control.Option;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings a database's schema up to date with the Flyway migrations in {@code db/migration}.
 *
 * <p>Flyway serialises concurrent migrations with a PostgreSQL advisory lock taken in the
 * migration's transaction ({@code flyway.postgresql.transactional.lock}, its default), and on
 * PostgreSQL it reads and restores the session's search path and role around its work: both need a
 * connection that keeps its server session, which is why {@link Database} migrates over a
 * connection of its own, given separately when a transaction-mode pooler is in front.
 */
public final class Migrations {
  static final String LOCATION = "classpath:db/migration";

  private Migrations() {}

  /** Applies the pending migrations and returns how many ran (0 on an up-to-date schema). */
  public static int migrate(DataSource dataSource) {
    return run(Flyway.configure(Migrations.class.getClassLoader()).dataSource(dataSource));
  }

  /** Applies the migrations to {@code schema}, or to the connection's current schema if none. */
  static int migrate(DataSource dataSource, Option<String> schema) {
    return schema.isDefined() ? migrate(dataSource, schema.get()) : migrate(dataSource);
  }

  /** Applies the migrations to {@code schema} (created if absent) instead of the default one. */
  static int migrate(DataSource dataSource, String schema) {
    return run(
        Flyway.configure(Migrations.class.getClassLoader())
            .dataSource(dataSource)
            .schemas(schema)
            .defaultSchema(schema));
  }

  private static int run(org.flywaydb.core.api.configuration.FluentConfiguration configuration) {
    MigrateResult result =
        configuration.locations(LOCATION).failOnMissingLocations(true).load().migrate();
    return result.migrationsExecuted;
  }
}
