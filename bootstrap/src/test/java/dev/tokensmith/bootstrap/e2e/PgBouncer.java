package dev.tokensmith.bootstrap.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Debian's PgBouncer ({@code /usr/sbin/pgbouncer}) in {@code pool_mode = transaction} in front of
 * one PostgreSQL database, configured as the operations guide says, with an admin console whose
 * {@code SHOW STATS} proves that traffic went through it. It refuses to run as root, so as root it
 * switches to {@code nobody}.
 */
final class PgBouncer implements AutoCloseable {
  static final Path BINARY = Path.of("/usr/sbin/pgbouncer");

  /** Debian's PostgreSQL client, which reads the admin console. */
  static final Path PSQL = Path.of("/usr/bin/psql");

  /** The admin console's user; trusted like every user here, and allowed to read statistics. */
  static final String ADMIN = "postgres";

  private final Path directory;
  private final Process process;
  private final int port;

  private PgBouncer(Path directory, Process process, int port) {
    this.directory = directory;
    this.process = process;
    this.port = port;
  }

  /**
   * Starts PgBouncer on a free port with {@code database} forwarded to the server on {@code
   * postgresPort}; {@code users} may sign in (trusted), at most {@code serverConnections} server
   * connections serve them all, and the startup parameters {@code ignored} are accepted and
   * dropped.
   */
  static PgBouncer start(
      int postgresPort, String database, List<String> users, int serverConnections, String ignored)
      throws IOException, InterruptedException {
    // the free port is bound by PgBouncer a moment later: if something took it meanwhile, PgBouncer
    // stops at start, and another free port is tried
    for (int attempt = 1; ; attempt++) {
      PgBouncer bouncer =
          startOn(freePort(), postgresPort, database, users, serverConnections, ignored);
      if (bouncer.awaitListening()) {
        return bouncer;
      }
      String log = bouncer.log();
      if (attempt == 3 || !log.contains("in use")) {
        throw new IllegalStateException("PgBouncer stopped at start: " + log);
      }
    }
  }

  private static PgBouncer startOn(
      int port,
      int postgresPort,
      String database,
      List<String> users,
      int serverConnections,
      String ignored)
      throws IOException {
    Path directory = Files.createTempDirectory("tokensmith-pgbouncer");
    StringBuilder userList = new StringBuilder();
    for (String user : users) {
      userList.append('"').append(user).append("\" \"\"\n");
    }
    Files.writeString(directory.resolve("users.txt"), userList, StandardCharsets.UTF_8);
    Files.writeString(
        directory.resolve("pgbouncer.ini"),
        String.join(
            "\n",
            "[databases]",
            database
                + " = host=127.0.0.1 port="
                + postgresPort
                + " dbname="
                + database
                + " pool_size="
                + serverConnections,
            "[pgbouncer]",
            "listen_addr = 127.0.0.1",
            "listen_port = " + port,
            "unix_socket_dir =",
            "auth_type = trust",
            "auth_file = " + directory.resolve("users.txt"),
            "admin_users = " + ADMIN,
            "pool_mode = transaction",
            "max_client_conn = 200",
            "ignore_startup_parameters = " + ignored,
            "logfile =",
            "pidfile =",
            ""),
        StandardCharsets.UTF_8);
    Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwxr-xr-x"));
    List<String> command = new ArrayList<>();
    command.add(BINARY.toString());
    if ("root".equals(System.getProperty("user.name"))) {
      command.add("-u");
      command.add("nobody");
    }
    command.add(directory.resolve("pgbouncer.ini").toString());
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(directory.resolve("pgbouncer.log").toFile())
            .start();
    return new PgBouncer(directory, process, port);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** Whether PgBouncer listens (within a minute: the machine may be loaded) rather than stopped. */
  private boolean awaitListening() throws InterruptedException, IOException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        return false;
      }
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
        return true;
      } catch (IOException notYet) {
        Thread.sleep(100);
      }
    }
    close();
    throw new IllegalStateException("PgBouncer did not listen within 60 s: " + log());
  }

  /** Everything PgBouncer logged so far. */
  String log() throws IOException {
    Path log = directory.resolve("pgbouncer.log");
    return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
  }

  /** A JDBC URL of {@code database} through this PgBouncer. */
  String url(String database) {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
  }

  /**
   * How many transactions PgBouncer has passed to {@code database} so far ({@code SHOW STATS}'s
   * {@code total_xact_count}).
   */
  long transactions(String database) throws IOException, InterruptedException {
    List<Map<String, String>> stats = console("SHOW STATS");
    return stats.stream()
        .filter(row -> database.equals(row.get("database")))
        .mapToLong(row -> Long.parseLong(row.get("total_xact_count")))
        .sum();
  }

  /** How many server connections PgBouncer holds to {@code database} now ({@code SHOW SERVERS}). */
  long serverConnections(String database) throws IOException, InterruptedException {
    return console("SHOW SERVERS").stream()
        .filter(row -> database.equals(row.get("database")))
        .count();
  }

  /**
   * The rows {@code command} answers on the admin console, read with Debian's psql: the console
   * refuses the {@code SET} statements the JDBC driver sends to a server it takes for an old one.
   */
  private List<Map<String, String>> console(String command)
      throws IOException, InterruptedException {
    Process psql =
        new ProcessBuilder(
                PSQL.toString(),
                "--no-psqlrc",
                "--no-align",
                "--field-separator=|",
                "--pset=footer=off",
                "--command=" + command,
                "host=127.0.0.1 port=" + port + " user=" + ADMIN + " dbname=pgbouncer")
            .redirectErrorStream(true)
            .start();
    String output = new String(psql.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!psql.waitFor(60, TimeUnit.SECONDS) || psql.exitValue() != 0) {
      throw new IllegalStateException("psql could not run " + command + ": " + output);
    }
    List<String> lines = output.lines().collect(Collectors.toList());
    String[] columns = lines.get(0).split("\\|", -1);
    List<Map<String, String>> rows = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] values = line.split("\\|", -1);
      Map<String, String> row = new HashMap<>();
      for (int i = 0; i < columns.length && i < values.length; i++) {
        row.put(columns[i], values[i]);
      }
      rows.add(row);
    }
    return rows;
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try (var files = Files.walk(directory)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(PgBouncer::delete);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void delete(Path path) {
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
