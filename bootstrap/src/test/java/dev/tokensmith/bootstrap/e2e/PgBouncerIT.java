package dev.tokensmith.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokensmith.bootstrap.StartupFailure;
import dev.tokensmith.bootstrap.TokensmithService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The service behind Debian's PgBouncer in {@code pool_mode = transaction}, as the least-privilege
 * role in its own schema, with the migrations over a direct connection: the whole flow runs through
 * the pooler (its {@code SHOW STATS} counts the transactions) with fewer server connections than
 * the service's pool, and a service not told about the pooler refuses to start in one sentence.
 * Skipped where PgBouncer is not installed, except under {@code CI=true}, where it fails.
 */
class PgBouncerIT {
  private static final String ADMIN_PASSWORD = "an admin password for tests";

  /** Fewer than the service's 10 pool connections, so that transactions must share them. */
  private static final int SERVER_CONNECTIONS = 4;

  private static SharedDatabase database;
  private static PgBouncer bouncer;
  private static Path dataDir;

  @BeforeAll
  static void start() throws Exception {
    boolean installed = Files.isExecutable(PgBouncer.BINARY) && Files.isExecutable(PgBouncer.PSQL);
    Assumptions.assumeTrue(
        installed || "true".equalsIgnoreCase(System.getenv("CI")),
        "PgBouncer or psql not found (/usr/sbin/pgbouncer, /usr/bin/psql): its tests skipped;"
            + " install them with: apt-get install pgbouncer postgresql-client");
    database = SharedDatabase.start(true);
    bouncer =
        PgBouncer.start(
            database.port(),
            SharedDatabase.DATABASE,
            List.of(PgBouncer.ADMIN, SharedDatabase.ROLE),
            SERVER_CONNECTIONS,
            "extra_float_digits");
    dataDir = Files.createTempDirectory("tokensmith-pgbouncer-e2e");
  }

  @AfterAll
  static void stop() throws Exception {
    if (bouncer != null) {
      bouncer.close();
    }
    if (database != null) {
      database.close();
    }
  }

  private static Map<String, String> environment(String url) {
    Map<String, String> environment = InJvmService.environment(dataDir, ADMIN_PASSWORD);
    environment.put("TOKENSMITH_DB_URL", url);
    environment.put("TOKENSMITH_DB_USER", SharedDatabase.ROLE);
    environment.put("TOKENSMITH_DB_SCHEMA", SharedDatabase.SCHEMA);
    return environment;
  }

  private static Map<String, String> pooled() {
    Map<String, String> environment = environment(bouncer.url(SharedDatabase.DATABASE));
    environment.put("TOKENSMITH_DB_POOLING", "transaction");
    environment.put("TOKENSMITH_DB_MIGRATION_URL", database.url());
    return environment;
  }

  private static TokensmithService start(Map<String, String> environment) {
    return InJvmService.start(environment, InJvmService.clock());
  }

  @Test
  void theWholeFlowRunsThroughThePoolerWithoutA5xx() throws Exception {
    long before = bouncer.transactions(SharedDatabase.DATABASE);
    ProductionFlow flow;
    try (TokensmithService service = start(pooled())) {
      flow = new ProductionFlow(new Http(service.port()));
      flow.run(ADMIN_PASSWORD);
    }
    long through = bouncer.transactions(SharedDatabase.DATABASE) - before;
    // every authentication is at least one transaction on a server connection PgBouncer chose
    assertThat(through)
        .as("transactions PgBouncer passed on; its log: %s", bouncer.log())
        .isGreaterThanOrEqualTo(ProductionFlow.THREADS * ProductionFlow.ROUNDS);
    assertThat(bouncer.serverConnections(SharedDatabase.DATABASE))
        .isBetween(1L, (long) SERVER_CONNECTIONS);
  }

  @Test
  void aUrlThatAsksForNamedPreparedStatementsIsRefusedInOneSentence() {
    Map<String, String> environment = pooled();
    environment.put(
        "TOKENSMITH_DB_URL", bouncer.url(SharedDatabase.DATABASE) + "?prepareThreshold=5");
    assertThatThrownBy(() -> start(environment))
        .isInstanceOf(StartupFailure.class)
        .hasMessageContaining("sets prepareThreshold=5")
        .hasMessageContaining("transaction-mode pooler")
        .satisfies(e -> assertThat(e.getMessage().lines()).hasSize(1));
  }

  @Test
  void aServiceNotToldAboutThePoolerRefusesToStartInOneSentence() {
    Map<String, String> unaware = environment(bouncer.url(SharedDatabase.DATABASE));
    unaware.put("TOKENSMITH_DB_MIGRATION_URL", database.url());
    // PgBouncer refuses the startup parameters (search path, options) a direct connection sends
    assertThatThrownBy(() -> start(unaware))
        .isInstanceOf(StartupFailure.class)
        .hasMessageContaining("refuses the startup parameter search_path")
        .hasMessageContaining("TOKENSMITH_DB_POOLING=transaction")
        .satisfies(e -> assertThat(e.getMessage().lines()).hasSize(1));
  }

  @Test
  void aPoolerThatIgnoresTheStartupOptionsIsStillNoticed() throws Exception {
    try (PgBouncer lenient =
        PgBouncer.start(
            database.port(),
            SharedDatabase.DATABASE,
            List.of(PgBouncer.ADMIN, SharedDatabase.ROLE),
            SERVER_CONNECTIONS,
            "extra_float_digits, options, search_path")) {
      Map<String, String> unaware = environment(lenient.url(SharedDatabase.DATABASE));
      unaware.put("TOKENSMITH_DB_MIGRATION_URL", database.url());
      assertThatThrownBy(() -> start(unaware))
          .isInstanceOf(StartupFailure.class)
          .hasMessageContaining("change server session between transactions")
          .hasMessageContaining("TOKENSMITH_DB_POOLING=transaction")
          .satisfies(e -> assertThat(e.getMessage().lines()).hasSize(1));
    }
  }
}
