package dev.tokensmith.bootstrap;

import dev.tokensmith.adapter.persistence.Database;
import dev.tokensmith.adapter.persistence.JdbiTokenStore;
import dev.tokensmith.adapter.persistence.PostgresAdapters;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.ToDoubleFunction;

/**
 * Publishes the persistence adapter's plain numbers as meters (the adapter itself does not know
 * Micrometer): SQL statements sent, the connection pool, and the coalesced usage writes. Every
 * meter reads its number when scraped; nothing is added to the request path.
 */
final class StorageMetrics {
  private StorageMetrics() {}

  static void bind(Database database, MeterRegistry registry) {
    PostgresAdapters adapters = database.adapters();
    FunctionCounter.builder("tokensmith.sql.statements", adapters, PostgresAdapters::sqlStatements)
        .description("SQL statements sent to PostgreSQL")
        .register(registry);

    pool(registry, database, "active", "Connections in use", s -> s.active());
    pool(registry, database, "idle", "Idle connections", s -> s.idle());
    pool(registry, database, "total", "Open connections", s -> s.total());
    pool(registry, database, "pending", "Requests waiting for a connection", s -> s.waiting());

    JdbiTokenStore usage = adapters.usage();
    Gauge.builder("tokensmith.usage.pending.tokens", usage, JdbiTokenStore::pendingUseTokens)
        .description("Tokens whose uses wait for the next usage flush")
        .register(registry);
    FunctionCounter.builder("tokensmith.usage.flushes", usage, JdbiTokenStore::usageFlushes)
        .description("Usage flushes written")
        .register(registry);
    FunctionCounter.builder(
            "tokensmith.usage.flush.failures", usage, JdbiTokenStore::failedUsageFlushes)
        .description("Usage flushes the database refused (their uses stayed pending)")
        .register(registry);
    FunctionCounter.builder("tokensmith.usage.refused", usage, JdbiTokenStore::refusedUses)
        .description("Uses refused (503): too many tokens pending while flushes failed")
        .register(registry);
  }

  private static void pool(
      MeterRegistry registry,
      Database database,
      String state,
      String description,
      ToDoubleFunction<Database.PoolStatistics> value) {
    Gauge.builder(
            "hikaricp.connections." + state, database, d -> value.applyAsDouble(d.poolStatistics()))
        .description(description)
        .tag("pool", "tokensmith")
        .register(registry);
  }
}
