package dev.tokensmith.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Runs {@code bootstrap/target/tokensmith.jar} as the README does: start, wait until ready, make a
 * token through the API and use it, stop with SIGTERM; then start again on the same data directory
 * and find the token still working.
 */
class JarProcessIT {
  private static final String ADMIN_PASSWORD = ServiceJar.ADMIN_PASSWORD;

  @Test
  void theJarStartsServesATokenStopsOnSigtermAndKeepsItsData() throws Exception {
    Path dataDir = Files.createTempDirectory("tokensmith-jar");
    // usage is written once a minute here: only the flush at SIGTERM can save the use
    ServiceJar.Running first =
        ServiceJar.start(dataDir, Map.of("TOKENSMITH_USAGE_FLUSH_MILLIS", "60000"));
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
      int exit = ServiceJar.stop(first);
      assertThat(exit).as(String.join("\n", first.output())).isIn(0, 143);
    }
    assertThat(first.output()).contains("tokensmith stopped");
    assertThat(String.join("\n", first.output()))
        .doesNotContain(token)
        .doesNotContain(ADMIN_PASSWORD);

    ServiceJar.Running second = ServiceJar.start(dataDir, Map.of());
    try {
      HttpResponse<String> again =
          new Http(second.port()).get("/api/v1/tokens/self", "Auth-Token", token);
      assertThat(again.statusCode()).as("the token survives a restart").isEqualTo(200);
      assertThat(Http.number(again.body(), "useCount")).isEqualTo(2);
      assertThat(second.output()).noneMatch(line -> line.contains("created the administrator"));
    } finally {
      ServiceJar.stop(second);
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
