package dev.tokensmith.adapter.persistence;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/** Brings a database's schema up to date with the Flyway migrations in {@code db/migration}. */
public final class Migrations {
  static final String LOCATION = "classpath:db/migration";

  private Migrations() {}

  /** Applies the pending migrations and returns how many ran (0 on an up-to-date schema). */
  public static int migrate(DataSource dataSource) {
    return run(Flyway.configure(Migrations.class.getClassLoader()).dataSource(dataSource));
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
