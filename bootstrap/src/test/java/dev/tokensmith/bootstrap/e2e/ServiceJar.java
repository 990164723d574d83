package dev.tokensmith.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokensmith.adapter.persistence.Database;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code bootstrap/target/tokensmith.jar} as an operator runs it, one process per start: started
 * until ready or until it exits, stopped with SIGTERM.
 */
final class ServiceJar {
  static final String ADMIN_PASSWORD = "jar test admin password";
  private static final Pattern READY =
      Pattern.compile("tokensmith is ready at (http://\\S+?):(\\d+)/");

  private ServiceJar() {}

  /** A started process and the lines it printed; {@code port} is 0 when it exited instead. */
  record Running(Process process, List<String> output, Thread reader, int port) {
    Http http() {
      return new Http(port);
    }

    String printed() {
      synchronized (output) {
        return String.join("\n", output);
      }
    }
  }

  /** The JVM options of many short runs, where start-up time matters more than peak speed. */
  static final List<String> SHORT_RUN =
      List.of("-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

  /** Starts the jar on {@code dataDir} with the variables {@code more}, until ready or exited. */
  static Running run(Path dataDir, Map<String, String> more) throws Exception {
    return run(dataDir, more, SHORT_RUN);
  }

  /** The same in a JVM with the options {@code jvmOptions}. */
  static Running run(Path dataDir, Map<String, String> more, List<String> jvmOptions)
      throws Exception {
    Path jar = Path.of("target", "tokensmith.jar");
    assertThat(jar).as("the jar is built by the package phase").exists();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.add("-jar");
    command.add(jar.toString());
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().keySet().removeIf(name -> name.startsWith("TOKENSMITH_"));
    builder.environment().put("TOKENSMITH_HTTP_PORT", "0");
    builder.environment().put("TOKENSMITH_DATA_DIR", dataDir.toString());
    builder.environment().put("TOKENSMITH_ADMIN_PASSWORD", ADMIN_PASSWORD);
    builder.environment().putAll(more);
    Process process = builder.start();
    List<String> output = Collections.synchronizedList(new ArrayList<>());
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader lines =
                  new BufferedReader(
                      new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                  output.add(line);
                }
              } catch (IOException e) {
                output.add("(output closed: " + e.getMessage() + ")");
              }
            });
    reader.setDaemon(true);
    reader.start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    while (System.nanoTime() < deadline) {
      synchronized (output) {
        for (String line : output) {
          Matcher ready = READY.matcher(line);
          if (ready.find()) {
            return new Running(process, output, reader, Integer.parseInt(ready.group(2)));
          }
        }
      }
      if (!process.isAlive()) {
        reader.join(10_000);
        return new Running(process, output, reader, 0);
      }
      Thread.sleep(100);
    }
    process.destroyForcibly();
    throw new AssertionError("the service neither got ready nor exited: " + output);
  }

  /** Starts the jar and requires it to get ready. */
  static Running start(Path dataDir, Map<String, String> more) throws Exception {
    return start(dataDir, more, SHORT_RUN);
  }

  /** The same in a JVM with the options {@code jvmOptions}. */
  static Running start(Path dataDir, Map<String, String> more, List<String> jvmOptions)
      throws Exception {
    Running running = run(dataDir, more, jvmOptions);
    if (running.port() == 0) {
      throw new AssertionError("the service exited: " + running.printed());
    }
    return running;
  }

  /**
   * Starts the jar on the database of {@code database} (an embedded server the test started), as
   * its superuser, in a JVM with the options {@code jvmOptions}; requires it to get ready.
   */
  static Running startOn(Database database, Path dataDir, List<String> jvmOptions)
      throws Exception {
    String url;
    try (Connection connection = database.dataSource().getConnection()) {
      url = connection.getMetaData().getURL();
    }
    return start(
        dataDir, Map.of("TOKENSMITH_DB_URL", url, "TOKENSMITH_DB_USER", "postgres"), jvmOptions);
  }

  /** Starts the jar and requires it to refuse: exit status 1; returns what it printed. */
  static String refusal(Path dataDir, Map<String, String> more) throws Exception {
    Running running = run(dataDir, more);
    if (running.port() != 0) {
      stop(running);
      throw new AssertionError("the service started: " + running.printed());
    }
    assertThat(running.process().exitValue()).as(running.printed()).isEqualTo(1);
    return running.printed();
  }

  /** Stops with SIGTERM and returns the exit status. */
  static int stop(Running running) throws Exception {
    // kill(1) rather than Process.destroy(), which also closes the output we still want to read
    new ProcessBuilder("kill", "-TERM", Long.toString(running.process().pid())).start().waitFor();
    assertThat(running.process().waitFor(60, TimeUnit.SECONDS)).as("stopped within 60 s").isTrue();
    running.reader().join(10_000);
    return running.process().exitValue();
  }

  /** The administrator's session on {@code http}: the cookie header value and the CSRF token. */
  static String[] session(Http http) {
    String[] headers = http.signIn("admin", ADMIN_PASSWORD);
    return new String[] {headers[1], headers[3]};
  }

  /** Sends {@code method path json} with the session's cookie and CSRF token. */
  static HttpResponse<String> asAdmin(Http http, String[] session, String method, String path) {
    return asAdmin(http, session, method, path, null);
  }

  static HttpResponse<String> asAdmin(
      Http http, String[] session, String method, String path, String json) {
    return http.send(method, path, json, "Cookie", session[0], "X-CSRF-Token", session[1]);
  }
}
