package dev.tokensmith.adapter.persistence;

import io.vavr.control.Option;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * Where the database is: an external PostgreSQL at {@code url}, or, with no URL, an embedded one
 * whose data persists under {@code <dataDirectory>/postgres}; plus the pool's size and how long a
 * request waits for a connection. Printed without the password.
 *
 * @param url a {@code jdbc:postgresql:} URL; none starts the embedded server
 * @param port the embedded server's port; none picks a free one
 */
public record DatabaseConfig(
    Option<String> url,
    Option<String> user,
    Option<String> password,
    Path dataDirectory,
    Option<Integer> port,
    int maximumPoolSize,
    Duration connectionTimeout,
    Duration socketTimeout) {
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
        DEFAULT_SOCKET_TIMEOUT);
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
        DEFAULT_SOCKET_TIMEOUT);
  }

  /**
   * From {@code TOKENSMITH_DB_URL}, {@code _DB_USER}, {@code _DB_PASSWORD} and {@code
   * TOKENSMITH_DATA_DIR} (default {@code ./tokensmith-data}); blank values count as absent.
   */
  public static DatabaseConfig fromEnvironment(Map<String, String> environment) {
    Option<String> url = present(environment, "TOKENSMITH_DB_URL");
    Path dataDirectory =
        present(environment, "TOKENSMITH_DATA_DIR").map(Path::of).getOrElse(DEFAULT_DATA_DIRECTORY);
    return new DatabaseConfig(
        url,
        present(environment, "TOKENSMITH_DB_USER"),
        present(environment, "TOKENSMITH_DB_PASSWORD"),
        dataDirectory,
        Option.none(),
        DEFAULT_POOL_SIZE,
        DEFAULT_CONNECTION_TIMEOUT,
        DEFAULT_SOCKET_TIMEOUT);
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
        socketTimeout);
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
        socketTimeout);
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
        newSocketTimeout);
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
        + "]";
  }
}
