package dev.tokensmith.adapter.persistence;

import io.vavr.control.Option;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where the database is: an external PostgreSQL at {@code url}, or, with no URL, an embedded one
 * whose data persists under {@code <dataDirectory>/postgres}; plus the pool's size, how long a
 * request waits for a connection, the pooler in front (if any), the schema and where the migrations
 * run. Printed without the password.
 *
 * @param url a {@code jdbc:postgresql:} URL; none starts the embedded server
 * @param port the embedded server's port; none picks a free one
 * @param pooling how the server connections behind {@code url} are shared
 * @param schema the schema that holds tokensmith's tables; none uses the role's current schema
 * @param migrationUrl a URL that reaches the same database without a transaction-mode pooler, for
 *     the schema migrations; none migrates through {@code url}
 */
public record DatabaseConfig(
    Option<String> url,
    Option<String> user,
    Option<String> password,
    Path dataDirectory,
    Option<Integer> port,
    int maximumPoolSize,
    Duration connectionTimeout,
    Duration socketTimeout,
    Pooling pooling,
    Option<String> schema,
    Option<String> migrationUrl) {
  /** How the connections of the pool reach PostgreSQL ({@code TOKENSMITH_DB_POOLING}). */
  public enum Pooling {
    /**
     * Each pool connection keeps one server session (a direct connection, or a pooler in session
     * mode): the default.
     */
    SESSION,
    /**
     * A pooler such as PgBouncer in {@code pool_mode = transaction} is in front: consecutive
     * transactions of one connection may run in different server sessions, so the driver names no
     * prepared statement and sends no session setting.
     */
    TRANSACTION
  }

  /** What a schema name may be: a lower-case SQL name that needs no quotes. */
  private static final Pattern SCHEMA_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

  /** The default data directory, relative to the working directory. */
  public static final Path DEFAULT_DATA_DIRECTORY = Path.of("tokensmith-data");

  public static final int DEFAULT_POOL_SIZE = 10;
  public static final Duration DEFAULT_CONNECTION_TIMEOUT = Duration.ofSeconds(5);

  /**
   * How long a statement may wait for the server's answer before the connection is given up (a
   * database that hangs instead of refusing would otherwise hang requests); far above any statement
   * of this service.
   */
  public static final Duration DEFAULT_SOCKET_TIMEOUT = Duration.ofSeconds(30);

  public DatabaseConfig {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(password, "password");
    Objects.requireNonNull(dataDirectory, "dataDirectory");
    Objects.requireNonNull(port, "port");
    Objects.requireNonNull(connectionTimeout, "connectionTimeout");
    Objects.requireNonNull(socketTimeout, "socketTimeout");
    Objects.requireNonNull(pooling, "pooling");
    Objects.requireNonNull(schema, "schema");
    Objects.requireNonNull(migrationUrl, "migrationUrl");
    if (url.exists(u -> !u.startsWith("jdbc:postgresql:"))) {
      throw new IllegalArgumentException("the database URL must start with jdbc:postgresql:");
    }
    if (port.exists(p -> p < 1 || p > 65_535)) {
      throw new IllegalArgumentException("the database port must be between 1 and 65535");
    }
    if (maximumPoolSize < 1) {
      throw new IllegalArgumentException("the pool needs at least one connection");
    }
    if (connectionTimeout.toMillis() < 500) {
      throw new IllegalArgumentException("the connection timeout is at least 500 ms");
    }
    if (socketTimeout.toSeconds() < 1) {
      throw new IllegalArgumentException("the socket timeout is at least 1 s");
    }
    if (schema.exists(name -> !isSchemaName(name))) {
      throw new IllegalArgumentException(
          "the database schema must be a lower-case SQL name (a-z, 0-9, _, at most 63), not '"
              + schema.get()
              + "'");
    }
    if (migrationUrl.isDefined() && url.isEmpty()) {
      throw new IllegalArgumentException(
          "a migration URL needs a database URL too (the embedded server migrates itself)");
    }
    if (migrationUrl.exists(u -> !u.startsWith("jdbc:postgresql:"))) {
      throw new IllegalArgumentException(
          "the database migration URL must start with jdbc:postgresql:");
    }
    if (pooling == Pooling.TRANSACTION && url.isEmpty()) {
      throw new IllegalArgumentException(
          "transaction pooling needs a database URL (the embedded server has no pooler)");
    }
    if (pooling == Pooling.TRANSACTION && migrationUrl.isEmpty()) {
      throw new IllegalArgumentException(
          "transaction pooling needs a migration URL that reaches PostgreSQL without the pooler"
              + " (the migrations hold a session lock)");
    }
  }

  /** Whether {@code name} is a schema name this service accepts. */
  public static boolean isSchemaName(String name) {
    return SCHEMA_NAME.matcher(name).matches();
  }

  /** The pooling named {@code session} or {@code transaction} (any case), or none. */
  public static Option<Pooling> pooling(String name) {
    String lower = name.strip().toLowerCase(Locale.ROOT);
    return Option.ofOptional(
        Arrays.stream(Pooling.values())
            .filter(p -> p.name().toLowerCase(Locale.ROOT).equals(lower))
            .findFirst());
  }

  /** An embedded server with its data under {@code dataDirectory}, on any free port. */
  public static DatabaseConfig embedded(Path dataDirectory) {
    return new DatabaseConfig(
        Option.none(),
        Option.none(),
        Option.none(),
        dataDirectory,
        Option.none(),
        DEFAULT_POOL_SIZE,
        DEFAULT_CONNECTION_TIMEOUT,
        DEFAULT_SOCKET_TIMEOUT,
        Pooling.SESSION,
        Option.none(),
        Option.none());
  }

  /** An external server; {@code user} and {@code password} may be null (then from the URL). */
  public static DatabaseConfig external(
      String url,
      @org.jspecify.annotations.Nullable String user,
      @org.jspecify.annotations.Nullable String password) {
    return new DatabaseConfig(
        Option.some(url),
        Option.of(user),
        Option.of(password),
        DEFAULT_DATA_DIRECTORY,
        Option.none(),
        DEFAULT_POOL_SIZE,
        DEFAULT_CONNECTION_TIMEOUT,
        DEFAULT_SOCKET_TIMEOUT,
        Pooling.SESSION,
        Option.none(),
        Option.none());
  }

  /**
   * From {@code TOKENSMITH_DB_URL}, {@code _DB_USER}, {@code _DB_PASSWORD}, {@code _DB_POOLING},
   * {@code _DB_SCHEMA}, {@code _DB_MIGRATION_URL} and {@code TOKENSMITH_DATA_DIR} (default {@code
   * ./tokensmith-data}); blank values count as absent.
   *
   * @throws IllegalArgumentException naming what is wrong
   */
  public static DatabaseConfig fromEnvironment(Map<String, String> environment) {
    Option<String> url = present(environment, "TOKENSMITH_DB_URL");
    Path dataDirectory =
        present(environment, "TOKENSMITH_DATA_DIR").map(Path::of).getOrElse(DEFAULT_DATA_DIRECTORY);
    Pooling pooling =
        present(environment, "TOKENSMITH_DB_POOLING")
            .map(
                name ->
                    pooling(name)
                        .getOrElseThrow(
                            () ->
                                new IllegalArgumentException(
                                    "TOKENSMITH_DB_POOLING must be session or transaction")))
            .getOrElse(Pooling.SESSION);
    return new DatabaseConfig(
        url,
        present(environment, "TOKENSMITH_DB_USER"),
        present(environment, "TOKENSMITH_DB_PASSWORD"),
        dataDirectory,
        Option.none(),
        DEFAULT_POOL_SIZE,
        DEFAULT_CONNECTION_TIMEOUT,
        DEFAULT_SOCKET_TIMEOUT,
        pooling,
        present(environment, "TOKENSMITH_DB_SCHEMA"),
        present(environment, "TOKENSMITH_DB_MIGRATION_URL"));
  }

  private static Option<String> present(Map<String, String> environment, String name) {
    return Option.of(environment.get(name)).filter(value -> !value.isBlank());
  }

  public boolean isEmbedded() {
    return url.isEmpty();
  }

  public DatabaseConfig withPort(int newPort) {
    return new DatabaseConfig(
        url,
        user,
        password,
        dataDirectory,
        Option.some(newPort),
        maximumPoolSize,
        connectionTimeout,
        socketTimeout,
        pooling,
        schema,
        migrationUrl);
  }

  public DatabaseConfig withPool(int newMaximumPoolSize, Duration newConnectionTimeout) {
    return new DatabaseConfig(
        url,
        user,
        password,
        dataDirectory,
        port,
        newMaximumPoolSize,
        newConnectionTimeout,
        socketTimeout,
        pooling,
        schema,
        migrationUrl);
  }

  public DatabaseConfig withSocketTimeout(Duration newSocketTimeout) {
    return new DatabaseConfig(
        url,
        user,
        password,
        dataDirectory,
        port,
        maximumPoolSize,
        connectionTimeout,
        newSocketTimeout,
        pooling,
        schema,
        migrationUrl);
  }

  /**
   * The same database reached through a pooler ({@code newPooling}), with the migrations over
   * {@code newMigrationUrl} (none: through the URL).
   */
  public DatabaseConfig withPooling(Pooling newPooling, Option<String> newMigrationUrl) {
    return new DatabaseConfig(
        url,
        user,
        password,
        dataDirectory,
        port,
        maximumPoolSize,
        connectionTimeout,
        socketTimeout,
        newPooling,
        schema,
        newMigrationUrl);
  }

  /** The same database with tokensmith's tables in {@code newSchema} (none: the current one). */
  public DatabaseConfig withSchema(Option<String> newSchema) {
    return new DatabaseConfig(
        url,
        user,
        password,
        dataDirectory,
        port,
        maximumPoolSize,
        connectionTimeout,
        socketTimeout,
        pooling,
        newSchema,
        migrationUrl);
  }

  /** The URL without its query string, which may hold a password, for messages. */
  public static String redact(String url) {
    int query = url.indexOf('?');
    String base = query < 0 ? url : url.substring(0, query);
    // jdbc:postgresql://user:password@host/db is not a pgjdbc form, but never print it either
    return base.replaceAll("//[^/@]*@", "//");
  }

  @Override
  public String toString() {
    return "DatabaseConfig["
        + url.map(u -> "url=" + redact(u) + ", user=" + user.getOrElse("(from URL)"))
            .getOrElse(() -> "embedded in " + dataDirectory.resolve("postgres"))
        + port.map(p -> ", port=" + p).getOrElse("")
        + ", password="
        + (password.isDefined() ? "[redacted]" : "none")
        + ", pool="
        + maximumPoolSize
        + ", connectionTimeout="
        + connectionTimeout
        + ", pooling="
        + pooling.name().toLowerCase(Locale.ROOT)
        + schema.map(name -> ", schema=" + name).getOrElse("")
        + migrationUrl.map(u -> ", migrationUrl=" + redact(u)).getOrElse("")
        + "]";
  }
}
