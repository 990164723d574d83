package dev.tokensmith.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokensmith.bootstrap.TokensmithService;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * scripts/synchro-bench.sh at a size CI affords, as a correctness test only (its speed is measured
 * by the script, docs/performance.md; nothing here looks at a clock): a synchro_exec that creates 5
 * 000 persons, then one that updates half of them, each in a few SQL statements rather than some
 * per replica (read from {@code /metrics}).
 */
class ItopSynchroScaleIT {
  private static final String ADMIN_PASSWORD = "an admin password for synchro scale tests";
  private static final int ROWS = 5000;

  /** Statements one synchro_exec may take: its batches, not its replicas (it took five each). */
  private static final long STATEMENTS_PER_RUN = 40;

  private static Path dataDir;
  private static TokensmithService service;
  private static Http http;
  private static String token;

  @BeforeAll
  static void start() throws IOException {
    dataDir = Files.createTempDirectory("tokensmith-synchro-scale");
    service = InJvmService.start(dataDir, ADMIN_PASSWORD);
    http = new Http(service.port());
    token =
        http.token(http.signIn("admin", ADMIN_PASSWORD), "synchro scale", "\"rest\",\"synchro\"");
  }

  @AfterAll
  static void stop() {
    if (service != null) {
      service.close();
    }
  }

  private static String post(String path, String form) {
    HttpRequest request =
        http.request(path)
            .timeout(Duration.ofSeconds(300))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "auth_token=" + URLEncoder.encode(token, StandardCharsets.UTF_8) + "&" + form))
            .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString()).body();
  }

  private static String rest(String json) {
    return post(
        "/webservices/rest.php?login_mode=token&version=1.0",
        "json_data=" + URLEncoder.encode(json, StandardCharsets.UTF_8));
  }

  private static void load(long source, int phoneEvery) {
    StringBuilder csv = new StringBuilder("primary_key;first_name;name;email;phone;org_id\n");
    for (int i = 0; i < ROWS; i++) {
      String phone = phoneEvery > 0 && i % phoneEvery == 0 ? "+33 1 " + i : "";
      csv.append("p")
          .append(i)
          .append(";Émile")
          .append(i)
          .append(";Zola")
          .append(i)
          .append(";person")
          .append(i)
          .append("@synchro-scale.example;")
          .append(phone)
          .append(";Demo\n");
    }
    String loaded =
        post(
            "/synchro/synchro_import.php?login_mode=token",
            "data_source_id="
                + source
                + "&synchronize=0&output=retcode&csvdata="
                + URLEncoder.encode(csv.toString(), StandardCharsets.UTF_8));
    assertThat(loaded).isEqualTo("0");
  }

  @Test
  void synchroExecsOfThousandsOfReplicasTakeAFewStatements() {
    String created =
        rest(
            "{\"operation\":\"core/create\",\"class\":\"SynchroDataSource\",\"comment\":\"scale\","
                + "\"fields\":{\"name\":\"Synchro scale\",\"status\":\"production\","
                + "\"scope_class\":\"Person\",\"full_load_periodicity\":\"3600\","
                + "\"delete_policy\":\"ignore\"}}");
    Matcher key = Pattern.compile("\"key\":\"(\\d+)\"").matcher(created);
    assertThat(key.find()).as(created).isTrue();
    long source = Long.parseLong(key.group(1));
    for (String attcode : new String[] {"first_name", "name", "phone"}) {
      assertThat(
              rest(
                  "{\"operation\":\"core/update\",\"class\":\"SynchroAttribute\",\"comment\":\"c\","
                      + "\"key\":{\"sync_source_id\":"
                      + source
                      + ",\"attcode\":\""
                      + attcode
                      + "\"},\"fields\":{\"update\":\"1\",\"reconcile\":\"0\"}}"))
          .contains("\"message\":\"updated\"");
    }
    assertThat(
            rest(
                "{\"operation\":\"core/update\",\"class\":\"SynchroAttExtKey\",\"comment\":\"c\","
                    + "\"key\":{\"sync_source_id\":"
                    + source
                    + ",\"attcode\":\"org_id\"},\"fields\":{\"update\":\"1\",\"reconcile\":\"0\","
                    + "\"reconciliation_attcode\":\"name\"}}"))
        .contains("\"message\":\"updated\"");

    load(source, 0);
    long before = http.sqlStatements();
    String first = post("/synchro/synchro_exec.php", "data_sources=" + source);
    long creating = http.sqlStatements() - before;
    assertThat(first)
        .contains("<p>Replicas: " + ROWS + "</p>")
        .contains("<p>Objects created: " + ROWS + " (0 warnings)</p>")
        .contains("<p>Objects creation errors: 0</p>")
        .doesNotContain("ERROR");
    assertThat(creating)
        .as("statements of a synchro_exec creating %d persons", ROWS)
        .isLessThanOrEqualTo(STATEMENTS_PER_RUN);

    load(source, 2);
    before = http.sqlStatements();
    String second = post("/synchro/synchro_exec.php", "data_sources=" + source);
    long updating = http.sqlStatements() - before;
    assertThat(second)
        .contains("<p>Objects created: 0 (0 warnings)</p>")
        .contains("<p>Objects updated: " + ROWS / 2 + " (0 warnings)</p>")
        .contains("<p>Objects update errors: 0</p>");
    assertThat(updating)
        .as("statements of a synchro_exec updating %d of %d persons", ROWS / 2, ROWS)
        .isLessThanOrEqualTo(STATEMENTS_PER_RUN);

    String phones =
        rest(
            "{\"operation\":\"core/get\",\"class\":\"Person\",\"key\":\"SELECT Person WHERE email"
                + " LIKE '%@synchro-scale.example' AND phone != ''\",\"output_fields\":\"id\"}");
    assertThat(phones).contains("\"message\":\"Found: " + ROWS / 2 + "\"");
  }
}
