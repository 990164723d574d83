package dev.tokensmith.bootstrap.e2e;

import static dev.tokensmith.bootstrap.e2e.ServiceJar.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The jar started as separate processes on one external PostgreSQL (an embedded server this test
 * starts, passed as {@code TOKENSMITH_DB_URL}): an instance without the installation's pepper never
 * starts, however often it is restarted; a restored dump works with the right pepper file; pepper
 * rotation keeps old tokens working until their key is removed.
 */
class PepperCheckIT {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static EmbeddedPostgres server;

  @TempDir Path directory;

  @BeforeAll
  static void startPostgres() throws Exception {
    server = EmbeddedPostgres.builder().setLocaleConfig("locale", "C").start();
  }

  @AfterAll
  static void stopPostgres() throws Exception {
    server.close();
  }

  private static String createDatabase(String name) throws Exception {
    try (Connection connection = server.getPostgresDatabase().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE DATABASE " + name + " ENCODING 'UTF8'");
    }
    return name;
  }

  private static Map<String, String> on(String database, String... more) {
    Map<String, String> env = new HashMap<>();
    env.put(
        "TOKENSMITH_DB_URL", "jdbc:postgresql://localhost:" + server.getPort() + "/" + database);
    env.put("TOKENSMITH_DB_USER", "postgres");
    for (int i = 0; i < more.length; i += 2) {
      env.put(more[i], more[i + 1]);
    }
    return env;
  }

  private static List<String> digests(String database) throws Exception {
    List<String> digests = new ArrayList<>();
    try (Connection connection = server.getDatabase("postgres", database).getConnection();
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT digest FROM tokens ORDER BY created_at")) {
      while (rows.next()) {
        digests.add(rows.getString(1));
      }
    }
    return digests;
  }

  private static String randomKey() {
    byte[] key = new byte[32];
    RANDOM.nextBytes(key);
    return Base64.getEncoder().encodeToString(key);
  }

  /** Creates a personal token with scope rest; returns its id and value. */
  private static String[] createToken(Http http, String application) {
    String[] session = ServiceJar.session(http);
    HttpResponse<String> created =
        asAdmin(
            http,
            session,
            "POST",
            "/api/v1/me/tokens",
            "{\"application\":\"" + application + "\",\"scopes\":[\"rest\"]}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return new String[] {Http.field(created.body(), "id"), Http.field(created.body(), "secret")};
  }

  private static HttpResponse<String> self(Http http, String token) {
    return http.get("/api/v1/tokens/self", "Auth-Token", token);
  }

  @Test
  void aSecondInstanceWithoutThePepperRefusesEveryStartAndARestoredDumpNeedsThePepperFileToo()
      throws Exception {
    String database = createDatabase("second_instance");
    Path first = directory.resolve("first");
    Path pepperFile = first.resolve("token-pepper");
    String[] token;
    String refreshed;
    ServiceJar.Running one = ServiceJar.start(first, on(database));
    try {
      assertThat(one.printed()).contains("First start: generated the token pepper (key k1)");
      Http http = one.http();
      token = createToken(http, "first instance");
      assertThat(self(http, token[1]).statusCode()).isEqualTo(200);
      HttpResponse<String> refresh =
          asAdmin(
              http, ServiceJar.session(http), "POST", "/api/v1/me/tokens/" + token[0] + "/refresh");
      assertThat(refresh.statusCode()).as(refresh.body()).isEqualTo(200);
      refreshed = Http.field(refresh.body(), "secret");
      assertThat(self(http, refreshed).statusCode()).isEqualTo(200);
      assertThat(self(http, token[1]).statusCode()).as("the replaced value").isEqualTo(401);
      String realKey = Files.readString(pepperFile, StandardCharsets.US_ASCII);

      // the operator adds an instance on another host and forgets the pepper file; the
      // supervisor restarts it at once
      Path second = directory.resolve("second");
      for (int start = 1; start <= 2; start++) {
        String refusal = ServiceJar.refusal(second, on(database));
        assertThat(refusal)
            .as("start " + start)
            .contains("tokensmith cannot start: the token pepper file")
            .contains("does not exist, but this database is not empty (it records pepper key k1)")
            .contains("no new pepper was generated")
            .doesNotContain("Exception");
        assertThat(second.resolve("token-pepper")).as("start " + start).doesNotExist();
      }
      String wrongKey = randomKey();
      String different =
          ServiceJar.refusal(second, on(database, "TOKENSMITH_TOKEN_PEPPER", wrongKey));
      assertThat(different)
          .contains(
              "tokensmith cannot start: pepper key k1 of TOKENSMITH_TOKEN_PEPPER is not the key k1"
                  + " this database's tokens were made with")
          .doesNotContain(wrongKey)
          .doesNotContain("Exception");
      for (String line : realKey.split("\n")) {
        if (line.startsWith("k1:")) {
          assertThat(different).as("the real key").doesNotContain(line.substring(3));
        }
      }

      ServiceJar.Running two =
          ServiceJar.start(
              second, on(database, "TOKENSMITH_TOKEN_PEPPER_FILE", pepperFile.toString()));
      try {
        assertThat(two.printed()).doesNotContain("generated the token pepper");
        assertThat(two.http().get("/health/ready").statusCode()).isEqualTo(200);
        assertThat(self(two.http(), refreshed).statusCode())
            .as("the first instance's token works on the second")
            .isEqualTo(200);
        String[] made = createToken(two.http(), "second instance");
        assertThat(self(http, made[1]).statusCode())
            .as("and the second instance's token on the first")
            .isEqualTo(200);
      } finally {
        ServiceJar.stop(two);
      }
    } finally {
      ServiceJar.stop(one);
    }

    // a backup restored into a new database, on a new host
    Path dump = directory.resolve("tokensmith.dump");
    run(
        "pg_dump",
        "-Fc",
        "-h",
        "localhost",
        "-p",
        Integer.toString(server.getPort()),
        "-U",
        "postgres",
        "-d",
        database,
        "-f",
        dump.toString());
    String restored = createDatabase("restored");
    run(
        "pg_restore",
        "--no-owner",
        "--exit-on-error",
        "-h",
        "localhost",
        "-p",
        Integer.toString(server.getPort()),
        "-U",
        "postgres",
        "-d",
        restored,
        dump.toString());
    ServiceJar.Running after =
        ServiceJar.start(
            directory.resolve("new-host"),
            on(restored, "TOKENSMITH_TOKEN_PEPPER_FILE", pepperFile.toString()));
    try {
      Http http = after.http();
      HttpResponse<String> again = self(http, refreshed);
      assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
      assertThat(Http.number(again.body(), "useCount"))
          .as("the count came back: 2 uses on the first instance, 1 on the second, this one")
          .isEqualTo(4);
      HttpResponse<String> replaced = self(http, token[1]);
      assertThat(replaced.statusCode()).isEqualTo(401);
      assertThat(replaced.body())
          .as("the refresh came back")
          .contains("\"reason\":\"token_refreshed\"");
      HttpResponse<String> shown =
          asAdmin(http, ServiceJar.session(http), "GET", "/api/v1/me/tokens/" + token[0]);
      assertThat(shown.statusCode()).isEqualTo(200);
      assertThat(shown.body().split("\"reason\":\"token_refreshed\"", -1))
          .as("the failure recorded before the dump, and the one after: " + shown.body())
          .hasSize(3);
      HttpResponse<String> tokens =
          asAdmin(http, ServiceJar.session(http), "GET", "/api/v1/me/tokens");
      assertThat(tokens.body())
          .as("both instances' tokens came back")
          .contains("first instance")
          .contains("second instance");
    } finally {
      ServiceJar.stop(after);
    }
  }

  @Test
  void rotationKeepsOldTokensWorkingAndRemovingAKeyTheyNeedStopsTheStart() throws Exception {
    String database = createDatabase("rotated");
    Path data = directory.resolve("rotating");
    String k1 = "k1:" + randomKey();
    String k2 = "k2:" + randomKey();
    String[] old;
    ServiceJar.Running withK1 = ServiceJar.start(data, on(database, "TOKENSMITH_TOKEN_PEPPER", k1));
    try {
      assertThat(withK1.printed())
          .contains("Recorded the check value of pepper key k1 in the database.");
      old = createToken(withK1.http(), "made with k1");
    } finally {
      ServiceJar.stop(withK1);
    }

    Path other = directory.resolve("rotating-other-host");
    ServiceJar.Running withBoth =
        ServiceJar.start(data, on(database, "TOKENSMITH_TOKEN_PEPPER", k1 + "," + k2));
    String[] fresh;
    try {
      Http http = withBoth.http();
      assertThat(withBoth.printed())
          .contains("Recorded the check value of pepper key k2 in the database.")
          .doesNotContain("pepper key k1 in the database");
      assertThat(self(http, old[1]).statusCode()).as("a token made with k1").isEqualTo(200);
      fresh = createToken(http, "made with k2");
      assertThat(self(http, fresh[1]).statusCode()).isEqualTo(200);
      assertThat(digests(database))
          .satisfiesExactly(
              digest -> assertThat(digest).startsWith("hmac-sha256$k1$"),
              digest -> assertThat(digest).startsWith("hmac-sha256$k2$"));

      // an instance configured with k2 alone, while a token still needs k1
      String refusal = ServiceJar.refusal(other, on(database, "TOKENSMITH_TOKEN_PEPPER", k2));
      assertThat(refusal)
          .contains(
              "tokensmith cannot start: the database holds 1 token digested with pepper key k1,"
                  + " which TOKENSMITH_TOKEN_PEPPER lacks: add k1 back")
          .doesNotContain(k2.substring(3))
          .doesNotContain("Exception");
      assertThat(http.get("/health/ready").statusCode())
          .as("the refused instance changed nothing for the running one")
          .isEqualTo(200);

      HttpResponse<String> refresh =
          asAdmin(
              http, ServiceJar.session(http), "POST", "/api/v1/me/tokens/" + old[0] + "/refresh");
      assertThat(refresh.statusCode()).as(refresh.body()).isEqualTo(200);
      old[1] = Http.field(refresh.body(), "secret");
    } finally {
      ServiceJar.stop(withBoth);
    }

    ServiceJar.Running withK2 =
        ServiceJar.start(other, on(database, "TOKENSMITH_TOKEN_PEPPER", k2));
    try {
      assertThat(withK2.printed())
          .contains("Pepper key k1 is no longer configured; no token needs it any more.");
      assertThat(self(withK2.http(), old[1]).statusCode()).as("refreshed with k2").isEqualTo(200);
      assertThat(self(withK2.http(), fresh[1]).statusCode()).isEqualTo(200);
    } finally {
      ServiceJar.stop(withK2);
    }
  }

  private static void run(String... command) throws Exception {
    Process process;
    try {
      process = new ProcessBuilder(command).redirectErrorStream(true).start();
    } catch (IOException e) {
      throw new AssertionError(
          command[0] + " is needed on the PATH (Debian: apt-get install postgresql-client)", e);
    }
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).as(String.join(" ", command)).isTrue();
    assertThat(process.exitValue()).as(command[0] + ": " + output).isZero();
  }
}
