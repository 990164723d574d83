package dev.tokensmith.adapter.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import javax.sql.DataSource;
import org.flywaydb.core.api.FlywayException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running database: an embedded PostgreSQL whose data persists under the data directory, or an
 * external one, behind a HikariCP pool, with the schema migrated; {@link #close()} closes the pool
 * and stops the embedded server.
 */
public final class Database implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Database.class);

  /** The database the embedded server keeps tokensmith's tables in. */
  static final String EMBEDDED_DATABASE = "tokensmith";

  private static final String EMBEDDED_USER = "postgres";
  private static final Duration EMBEDDED_STARTUP_WAIT = Duration.ofSeconds(20);

  /** How PgBouncer refuses a connection whose start names a setting it does not know. */
  private static final String UNSUPPORTED_STARTUP_PARAMETER = "unsupported startup parameter:";

  /** How the pool reaches the server. */
  private record Target(String url, @Nullable String user, @Nullable String password) {
    @Override
    public String toString() {
      return DatabaseConfig.redact(url);
    }
  }

  private final DatabaseConfig config;
  private final Target target;
  private final @Nullable EmbeddedPostgres embedded;
  private final HikariDataSource pool;
  private final PostgresAdapters adapters;

  /**
   * Closes this database when the JVM stops and nobody closed it: the usage counts are written
   * before the embedded server stops (zonky's own hook would stop the server first).
   */
  private final Thread shutdownHook = new Thread(this::close, "tokensmith-database-stop");

  private boolean closed;

  private Database(
      DatabaseConfig config,
      Target target,
      @Nullable EmbeddedPostgres embedded,
      HikariDataSource pool,
      Duration usageFlushInterval) {
    this.config = config;
    this.target = target;
    this.embedded = embedded;
    this.pool = pool;
    this.adapters = PostgresAdapters.on(pool, usageFlushInterval);
    Runtime.getRuntime().addShutdownHook(shutdownHook);
  }

  /**
   * Starts the embedded server (when {@code config} has no URL) or reaches the external one, opens
   * the pool and migrates the schema.
   *
   * @throws DatabaseStartupException with a one-sentence message when any of it fails
   */
  public static Database start(DatabaseConfig config) {
    return start(config, PostgresAdapters.DEFAULT_USAGE_FLUSH_INTERVAL);
  }

  /**
   * The same, with the adapters writing the coalesced usage counts every {@code
   * usageFlushInterval}.
   */
  public static Database start(DatabaseConfig config, Duration usageFlushInterval) {
    if (!config.isEmbedded()) {
      Target target =
          new Target(config.url().get(), config.user().getOrNull(), config.password().getOrNull());
      Target migrationTarget =
          config
              .migrationUrl()
              .map(url -> new Target(url, target.user(), target.password()))
              .getOrElse(target);
      return open(config, target, migrationTarget, null, usageFlushInterval);
    }
    EmbeddedPostgres server = startEmbedded(config);
    try {
      createEmbeddedDatabase(server);
      Target target =
          new Target(
              "jdbc:postgresql://localhost:" + server.getPort() + "/" + EMBEDDED_DATABASE,
              EMBEDDED_USER,
              null);
      return open(config, target, target, server, usageFlushInterval);
    } catch (RuntimeException e) {
      stop(server);
      throw e;
    }
  }

  private static Database open(
      DatabaseConfig config,
      Target target,
      Target migrationTarget,
      @Nullable EmbeddedPostgres server,
      Duration usageFlushInterval) {
    requireNoNamedPreparedStatements(config, target);
    // one plain connection first: a refused connection is then one sentence, not the pool's
    // logged stack trace
    try (Connection probe = connect(config, target)) {
      probe.isValid(1);
    } catch (SQLException e) {
      throw new DatabaseStartupException(
          "cannot reach PostgreSQL at " + target + ": " + reason(e), e);
    }
    if (config.pooling() == DatabaseConfig.Pooling.SESSION && server == null) {
      requireNoTransactionPooler(config, target);
    }
    migrate(config, target, migrationTarget);
    HikariDataSource pool = pool(config, target, "tokensmith");
    try {
      requireSchema(config, target, pool);
    } catch (RuntimeException e) {
      pool.close();
      throw e;
    }
    return new Database(config, target, server, pool, usageFlushInterval);
  }

  /**
   * Applies the migrations over their own connection, closed afterwards: Flyway holds a session
   * advisory lock and sets the search path for its session, which only a connection that keeps its
   * server session may do.
   */
  private static void migrate(DatabaseConfig config, Target target, Target migrationTarget) {
    if (migrationTarget != target) {
      try (Connection probe = connect(config, migrationTarget, false)) {
        probe.isValid(1);
      } catch (SQLException e) {
        throw new DatabaseStartupException(
            "cannot reach PostgreSQL for the schema migrations at "
                + migrationTarget
                + ": "
                + reason(e),
            e);
      }
    }
    HikariDataSource migrations = pool(config, migrationTarget, "tokensmith-migrations", false, 3);
    try {
      int applied = Migrations.migrate(migrations, config.schema());
      if (applied > 0) {
        LOG.info("applied {} schema migration(s) to {}", applied, migrationTarget);
      }
    } catch (FlywayException e) {
      throw new DatabaseStartupException(
          "cannot bring the database schema at "
              + migrationTarget
              + " up to date: "
              + firstSentence(e.getMessage()),
          e);
    } catch (RuntimeException e) {
      throw new DatabaseStartupException(
          "cannot bring the database schema at " + migrationTarget + " up to date: " + reason(e),
          e);
    } finally {
      migrations.close();
    }
  }

  /**
   * Behind a transaction-mode pooler the driver must never name a server-side prepared statement
   * (the next transaction may run in another server session), so a URL that asks for them is
   * refused.
   */
  private static void requireNoNamedPreparedStatements(DatabaseConfig config, Target target) {
    if (config.pooling() != DatabaseConfig.Pooling.TRANSACTION) {
      return;
    }
    Properties effective =
        org.postgresql.Driver.parseURL(target.url(), connectionProperties(config, true));
    String threshold = effective == null ? null : effective.getProperty("prepareThreshold");
    if (threshold != null && !threshold.strip().equals("0")) {
      throw new DatabaseStartupException(
          "the database URL "
              + target
              + " sets prepareThreshold="
              + threshold.strip()
              + ", but behind a transaction-mode pooler the driver must not name prepared"
              + " statements: remove it from the URL");
    }
  }

  /**
   * Whether a transaction-mode pooler is in front although the configuration says the pool keeps
   * its server sessions: one connection's server process changes while another connection holds a
   * transaction open, which never happens on a direct connection or a session-mode pooler.
   */
  private static void requireNoTransactionPooler(DatabaseConfig config, Target target) {
    boolean changes;
    try (Connection first = connect(config, target);
        Connection second = connect(config, target)) {
      int before = backendPid(first);
      // a pooler with one server connection would make the first wait for the second's
      // transaction: give up after a moment rather than hold the start
      first.setNetworkTimeout(Runnable::run, 2_000);
      second.setAutoCommit(false);
      backendPid(second);
      int after = backendPid(first);
      second.rollback();
      changes = before != after;
    } catch (SQLException e) {
      LOG.debug("could not tell whether a transaction-mode pooler is in front: {}", reason(e));
      return;
    }
    if (changes) {
      throw new DatabaseStartupException(
          "the connections to "
              + target
              + " change server session between transactions, so a transaction-mode pooler"
              + " such as PgBouncer is in front: set TOKENSMITH_DB_POOLING=transaction and"
              + " TOKENSMITH_DB_MIGRATION_URL");
    }
  }

  private static int backendPid(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery("SELECT pg_backend_pid()")) {
      result.next();
      return result.getInt(1);
    }
  }

  /**
   * The pool's connections must see the configured schema first: directly it is set at connection
   * start, but a transaction-mode pooler does not pass that on, so there the role's own search path
   * must name it.
   */
  private static void requireSchema(DatabaseConfig config, Target target, DataSource pool) {
    if (config.schema().isEmpty()) {
      return;
    }
    String expected = config.schema().get();
    String current;
    try (Connection connection = pool.getConnection();
        Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery("SELECT current_schema()")) {
      result.next();
      current = result.getString(1);
    } catch (SQLException e) {
      throw new DatabaseStartupException(
          "cannot reach PostgreSQL at " + target + ": " + reason(e), e);
    }
    if (!expected.equals(current)) {
      throw new DatabaseStartupException(
          "the connections to "
              + target
              + " use the schema "
              + (current == null ? "(none)" : current)
              + ", not "
              + expected
              + ": a transaction-mode pooler does not pass the search path on, so give the role"
              + " its own (ALTER ROLE ... SET search_path = "
              + expected
              + ")");
    }
  }

  private static Connection connect(DatabaseConfig config, Target target) throws SQLException {
    return connect(config, target, config.pooling() == DatabaseConfig.Pooling.TRANSACTION);
  }

  private static Connection connect(DatabaseConfig config, Target target, boolean pooled)
      throws SQLException {
    Properties properties = connectionProperties(config, pooled);
    if (target.user() != null) {
      properties.setProperty("user", target.user());
    }
    if (target.password() != null) {
      properties.setProperty("password", target.password());
    }
    return new org.postgresql.Driver().connect(target.url(), properties);
  }

  /**
   * The driver's settings; {@code transactionPooled} for connections through a transaction-mode
   * pooler, which may carry nothing from one transaction to the next.
   */
  private static Properties connectionProperties(DatabaseConfig config, boolean transactionPooled) {
    Properties properties = new Properties();
    properties.setProperty("ApplicationName", "tokensmith");
    properties.setProperty(
        "connectTimeout", Long.toString(Math.max(1, config.connectionTimeout().toSeconds())));
    properties.setProperty("socketTimeout", Long.toString(config.socketTimeout().toSeconds()));
    properties.setProperty("tcpKeepAlive", "true");
    // error details quote row values; keep them out of exception messages and logs
    properties.setProperty("logServerErrorDetail", "false");
    if (transactionPooled) {
      // unnamed statements only: a named one would be missing (or already exist) in the server
      // session the pooler picks for the next transaction
      properties.setProperty("prepareThreshold", "0");
      // send application_name and extra_float_digits at connection start instead of running
      // session-level SETs after it
      properties.setProperty("assumeMinServerVersion", "9.0");
      // PgBouncer passes neither startup options nor a search path on: the usage counts commit
      // with the role's synchronous_commit, and the role's search_path names the schema
      return properties;
    }
    // usage counts may lose their last fraction of a second in a crash; lifecycle changes are
    // committed durably (see Storage#durably)
    properties.setProperty("options", "-c synchronous_commit=off");
    config.schema().forEach(schema -> properties.setProperty("currentSchema", schema));
    return properties;
  }

  private static HikariDataSource pool(DatabaseConfig config, Target target, String name) {
    return pool(
        config,
        target,
        name,
        config.pooling() == DatabaseConfig.Pooling.TRANSACTION,
        config.maximumPoolSize());
  }

  private static HikariDataSource pool(
      DatabaseConfig config, Target target, String name, boolean transactionPooled, int size) {
    HikariConfig hikari = new HikariConfig();
    hikari.setPoolName(name);
    hikari.setJdbcUrl(target.url());
    if (target.user() != null) {
      hikari.setUsername(target.user());
    }
    if (target.password() != null) {
      hikari.setPassword(target.password());
    }
    hikari.setMaximumPoolSize(size);
    hikari.setConnectionTimeout(config.connectionTimeout().toMillis());
    hikari.setValidationTimeout(
        Math.max(250, Math.min(1_000, config.connectionTimeout().toMillis() / 2)));
    hikari.setDataSourceProperties(connectionProperties(config, transactionPooled));
    try {
      return new HikariDataSource(hikari);
    } catch (RuntimeException e) {
      throw new DatabaseStartupException(
          "cannot reach PostgreSQL at " + target + ": " + reason(e), e);
    }
  }

  /** A second, independent pool on the same database, as another service instance would have. */
  HikariDataSource newPool(String name) {
    return pool(config, target, name);
  }

  private static EmbeddedPostgres startEmbedded(DatabaseConfig config) {
    Path dataDirectory = config.dataDirectory().toAbsolutePath().normalize();
    Path postgresData = dataDirectory.resolve("postgres");
    requireUsableDirectory(dataDirectory);
    if (Files.exists(postgresData) && !Files.isDirectory(postgresData)) {
      throw new DatabaseStartupException(
          "cannot use data directory "
              + dataDirectory
              + ": "
              + postgresData
              + " is not a directory");
    }
    requireNoServerRunningOn(postgresData);
    int port = config.port().getOrElse(0);
    if (port != 0) {
      requireFreePort(port);
    }
    EmbeddedPostgres.Builder builder =
        EmbeddedPostgres.builder()
            .setDataDirectory(postgresData)
            .setCleanDataDirectory(false)
            .setLocaleConfig("locale", "C")
            .setServerConfig("listen_addresses", "localhost")
            .setServerConfig("synchronous_commit", "on")
            .setPGStartupWait(EMBEDDED_STARTUP_WAIT)
            .setRegisterShutdownHook(false);
    if (port != 0) {
      builder.setPort(port);
    }
    try {
      EmbeddedPostgres server = builder.start();
      LOG.info(
          "embedded PostgreSQL started on port {} with its data in {}",
          server.getPort(),
          postgresData);
      return server;
    } catch (IllegalStateException e) {
      if (String.valueOf(e.getMessage()).startsWith("could not lock")) {
        throw new DatabaseStartupException(
            "cannot use data directory " + dataDirectory + ": another process is using it", e);
      }
      throw new DatabaseStartupException(
          "the embedded PostgreSQL could not start with its data in "
              + postgresData
              + ": "
              + firstSentence(e.getMessage()),
          e);
    } catch (IOException | RuntimeException e) {
      throw new DatabaseStartupException(
          "the embedded PostgreSQL could not start with its data in "
              + postgresData
              + ": "
              + firstSentence(e.getMessage()),
          e);
    }
  }

  private static void requireUsableDirectory(Path directory) {
    String cannotUse = "cannot use data directory " + directory + ": ";
    if (Files.exists(directory) && !Files.isDirectory(directory)) {
      throw new DatabaseStartupException(cannotUse + "it is a file, not a directory");
    }
    try {
      Files.createDirectories(directory);
    } catch (IOException e) {
      throw new DatabaseStartupException(cannotUse + "cannot create it (" + reason(e) + ")", e);
    }
    try {
      Path probe = Files.createTempFile(directory, ".write-test", ".tmp");
      Files.delete(probe);
    } catch (IOException e) {
      throw new DatabaseStartupException(cannotUse + "not writable", e);
    }
  }

  /** A server left running by an earlier run on this data (e.g. a killed JVM) keeps its lock. */
  private static void requireNoServerRunningOn(Path postgresData) {
    Path pidFile = postgresData.resolve("postmaster.pid");
    if (!Files.isRegularFile(pidFile)) {
      return;
    }
    long pid;
    try {
      List<String> lines = Files.readAllLines(pidFile);
      pid = lines.isEmpty() ? -1 : Long.parseLong(lines.get(0).strip());
    } catch (IOException | NumberFormatException e) {
      return; // PostgreSQL itself decides what a damaged lock file means
    }
    boolean running =
        ProcessHandle.of(pid)
            .filter(ProcessHandle::isAlive)
            .flatMap(process -> process.info().command())
            .filter(command -> command.contains("postgres"))
            .isPresent();
    if (running) {
      throw new DatabaseStartupException(
          "cannot use data directory "
              + postgresData.getParent()
              + ": a PostgreSQL server (pid "
              + pid
              + ") still runs on it; stop it or choose another data directory");
    }
  }

  private static void requireFreePort(int port) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    } catch (IOException e) {
      throw new DatabaseStartupException(
          "cannot start the embedded PostgreSQL on port " + port + ": the port is taken", e);
    }
  }

  private static void createEmbeddedDatabase(EmbeddedPostgres server) {
    DataSource postgres = server.getPostgresDatabase();
    try (Connection connection = postgres.getConnection();
        PreparedStatement exists =
            connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
      exists.setString(1, EMBEDDED_DATABASE);
      try (ResultSet result = exists.executeQuery()) {
        if (result.next()) {
          return;
        }
      }
      try (Statement create = connection.createStatement()) {
        create.execute("CREATE DATABASE " + EMBEDDED_DATABASE + " ENCODING 'UTF8'");
      }
    } catch (SQLException e) {
      throw new DatabaseStartupException(
          "cannot create the database "
              + EMBEDDED_DATABASE
              + " in the embedded PostgreSQL: "
              + reason(e),
          e);
    }
  }

  /** The pool, for tools that need plain JDBC. */
  public DataSource dataSource() {
    return pool;
  }

  /** Every storage out-port on this database. */
  public PostgresAdapters adapters() {
    return adapters;
  }

  /** Whether this is the embedded server. */
  public boolean isEmbedded() {
    return embedded != null;
  }

  /** Where the data is, in one phrase for the start-up log. */
  public String description() {
    return embedded != null
        ? "embedded PostgreSQL on port "
            + embedded.getPort()
            + " with its data in "
            + config.dataDirectory().toAbsolutePath().normalize().resolve("postgres")
        : "PostgreSQL at " + target;
  }

  /** The connection pool's numbers, for gauges. */
  public record PoolStatistics(int active, int idle, int total, int waiting) {}

  /** The pool's connections now: in use, idle, all, and requests waiting for one. */
  public PoolStatistics poolStatistics() {
    var bean = pool.getHikariPoolMXBean();
    if (bean == null) {
      return new PoolStatistics(0, 0, 0, 0);
    }
    return new PoolStatistics(
        bean.getActiveConnections(),
        bean.getIdleConnections(),
        bean.getTotalConnections(),
        bean.getThreadsAwaitingConnection());
  }

  /**
   * Writes the pending usage counts, closes the pool, then stops the embedded server (waiting for
   * it to shut down).
   */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    closeOnlyExplicitly();
    try {
      adapters.close();
    } finally {
      pool.close();
    }
    if (embedded != null) {
      stop(embedded);
    }
  }

  /**
   * Drops the JVM shutdown hook that closes this database, for a caller that closes it in its own
   * hook after what still uses it (the service stops its HTTP server first).
   */
  public void closeOnlyExplicitly() {
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException e) {
      // the JVM is stopping already: the hooks run, this one included
    }
  }

  private static void stop(EmbeddedPostgres server) {
    try {
      server.close();
    } catch (IOException e) {
      LOG.warn("the embedded PostgreSQL did not stop cleanly: {}", e.getMessage());
    }
  }

  @Override
  public String toString() {
    return "Database[" + description() + "]";
  }

  /** The cause of a connection failure in a few words, for a one-sentence message. */
  static String reason(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof ConnectException) {
        return "connection refused";
      }
      if (cause instanceof UnknownHostException) {
        return "unknown host " + cause.getMessage();
      }
      if (cause instanceof NoRouteToHostException) {
        return "no route to host";
      }
      if (cause instanceof SocketTimeoutException) {
        return "no answer in time";
      }
      if (cause instanceof AccessDeniedException) {
        return "permission denied";
      }
      if (cause instanceof FileAlreadyExistsException exists) {
        return exists.getFile() + " is in the way";
      }
      if (cause instanceof FileSystemException fileSystem && fileSystem.getReason() != null) {
        return fileSystem.getReason().toLowerCase(java.util.Locale.ROOT);
      }
      if (cause instanceof SQLException sql && sql.getSQLState() != null) {
        String state = sql.getSQLState();
        if (state.equals("28P01") || state.equals("28000")) {
          return "authentication failed";
        }
        if (state.equals("3D000")) {
          return "the database does not exist";
        }
        String message = String.valueOf(sql.getMessage());
        int refused = message.indexOf(UNSUPPORTED_STARTUP_PARAMETER);
        if (refused >= 0) {
          String parameter =
              message
                  .substring(refused + UNSUPPORTED_STARTUP_PARAMETER.length())
                  .strip()
                  .split("[\\s,]", 2)[0];
          if (parameter.equals("options") || parameter.equals("search_path")) {
            return "the pooler in front refuses the startup parameter "
                + parameter
                + " (behind PgBouncer in transaction mode set TOKENSMITH_DB_POOLING=transaction,"
                + " which sends none)";
          }
          return "the pooler in front refuses the startup parameter "
              + parameter
              + " (list it in PgBouncer's ignore_startup_parameters)";
        }
        if (!state.startsWith("08")) {
          return firstSentence(sql.getMessage());
        }
      }
    }
    return firstSentence(failure.getMessage());
  }

  /** The first line and sentence of a message, so a startup error stays one sentence. */
  static String firstSentence(@Nullable String message) {
    if (message == null || message.isBlank()) {
      return "unknown error";
    }
    String line = message.strip().lines().findFirst().orElse("").strip();
    int end = line.indexOf(". ");
    String sentence = end < 0 ? line : line.substring(0, end);
    return sentence.endsWith(".") ? sentence.substring(0, sentence.length() - 1) : sentence;
  }
}
