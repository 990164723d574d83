package dev.tokensmith.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Runs {@code bootstrap/target/tokensmith.jar} as the README does: start, wait until ready, make a
 * token through the API and use it, stop with SIGTERM; then start again on the same data directory
 * and find the token still working.
 */
class JarProcessIT {
  private static final Pattern READY =
      Pattern.compile("tokensmith is ready at (http://\\S+?):(\\d+)/");
  private static final String ADMIN_PASSWORD = "jar test admin password";

  /** A started service process and the lines it printed. */
  private record Running(Process process, List<String> output, Thread reader, int port) {}

  private static Running start(Path dataDir) throws Exception {
    return start(dataDir, Map.of());
  }

  private static Running start(Path dataDir, Map<String, String> more) throws Exception {
    Path jar = Path.of("target", "tokensmith.jar");
    assertThat(jar).as("the jar is built by the package phase").exists();
    ProcessBuilder builder =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-jar",
                jar.toString())
            .redirectErrorStream(true);
    builder.environment().put("TOKENSMITH_HTTP_PORT", "0");
    builder.environment().put("TOKENSMITH_DATA_DIR", dataDir.toString());
    builder.environment().put("TOKENSMITH_ADMIN_PASSWORD", ADMIN_PASSWORD);
    builder.environment().remove("TOKENSMITH_DB_URL");
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
        throw new AssertionError("the service exited: " + String.join("\n", output));
      }
      Thread.sleep(100);
    }
    process.destroyForcibly();
    throw new AssertionError("the service did not get ready: " + String.join("\n", output));
  }

  private static int stopWithSigterm(Running running) throws Exception {
    // kill(1) rather than Process.destroy(), which also closes the output we still want to read
    new ProcessBuilder("kill", "-TERM", Long.toString(running.process().pid())).start().waitFor();
    assertThat(running.process().waitFor(60, TimeUnit.SECONDS)).as("stopped within 60 s").isTrue();
    running.reader().join(10_000); // the output ends with the process
    return running.process().exitValue();
  }

  @Test
  void theJarStartsServesATokenStopsOnSigtermAndKeepsItsData() throws Exception {
    Path dataDir = Files.createTempDirectory("tokensmith-jar");
    // usage is written once a minute here: only the flush at SIGTERM can save the use
    Running first = start(dataDir, Map.of("TOKENSMITH_USAGE_FLUSH_MILLIS", "60000"));
    String token;
    try {
      Http http = new Http(first.port());
      assertThat(http.get("/health/ready").statusCode()).isEqualTo(200);
      HttpResponse<String> login =
          http.send(
              "POST",
              "/api/v1/session",
              "{\"login\":\"admin\",\"password\":\"" + ADMIN_PASSWORD + "\"}");
      assertThat(login.statusCode()).isEqualTo(200);
      String cookie = login.headers().firstValue("Set-Cookie").orElseThrow().split(";", 2)[0];
      HttpResponse<String> created =
          http.send(
              "POST",
              "/api/v1/me/tokens",
              "{\"application\":\"jar test\",\"scopes\":[\"rest\"]}",
              "Cookie",
              cookie,
              "X-CSRF-Token",
              Http.field(login.body(), "csrfToken"));
      assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
      token = Http.field(created.body(), "secret");
      HttpResponse<String> self = http.get("/api/v1/tokens/self", "Auth-Token", token);
      assertThat(self.statusCode()).isEqualTo(200);
      assertThat(Http.number(self.body(), "useCount")).isEqualTo(1);
    } finally {
      int exit = stopWithSigterm(first);
      assertThat(exit).as(String.join("\n", first.output())).isIn(0, 143);
    }
    assertThat(first.output()).contains("tokensmith stopped");
    assertThat(String.join("\n", first.output()))
        .doesNotContain(token)
        .doesNotContain(ADMIN_PASSWORD);

    Running second = start(dataDir);
    try {
      HttpResponse<String> again =
          new Http(second.port()).get("/api/v1/tokens/self", "Auth-Token", token);
      assertThat(again.statusCode()).as("the token survives a restart").isEqualTo(200);
      assertThat(Http.number(again.body(), "useCount")).isEqualTo(2);
      assertThat(second.output()).noneMatch(line -> line.contains("created the administrator"));
    } finally {
      stopWithSigterm(second);
    }
  }

  @Test
  void anInvalidVariableStopsStartUpNamingIt() throws Exception {
    ProcessBuilder builder =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                Path.of("target", "tokensmith.jar").toString())
            .redirectErrorStream(true);
    builder.environment().put("TOKENSMITH_HTTP_PORT", "eighty");
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).isEqualTo(2);
    assertThat(output)
        .contains("TOKENSMITH_HTTP_PORT must be a whole number, not 'eighty'")
        .doesNotContain("Exception");
  }
}
