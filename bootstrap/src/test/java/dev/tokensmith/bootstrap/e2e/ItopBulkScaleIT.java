package dev.tokensmith.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokensmith.bootstrap.TokensmithService;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * scripts/bulk-bench.sh at a size CI affords, as a correctness test only (its speed is measured by
 * the script, docs/performance.md; nothing here looks at a clock): an import of 5 000 new persons,
 * then of the same rows half of them changed, each in a few SQL statements rather than some per row
 * (read from {@code /metrics}), and an export that streams every one of them back.
 */
class ItopBulkScaleIT {
  private static final String ADMIN_PASSWORD = "an admin password for bulk scale tests";
  private static final int ROWS = 5000;

  /** Statements one import may take: its batches, not its rows (it took about five per row). */
  private static final long STATEMENTS_PER_IMPORT = 40;

  private static Path dataDir;
  private static TokensmithService service;
  private static Http http;
  private static String token;

  @BeforeAll
  static void start() throws IOException {
    dataDir = Files.createTempDirectory("tokensmith-bulk-scale");
    service = InJvmService.start(dataDir, ADMIN_PASSWORD);
    http = new Http(service.port());
    token = http.token(http.signIn("admin", ADMIN_PASSWORD), "scale", "\"import\",\"export\"");
  }

  @AfterAll
  static void stop() {
    if (service != null) {
      service.close();
    }
  }

  private static String csv(int changedEvery) {
    StringBuilder csv = new StringBuilder("first_name,name,email,phone,org_id->name\n");
    for (int i = 0; i < ROWS; i++) {
      String phone = changedEvery > 0 && i % changedEvery == 0 ? "+33 1 " + i : "";
      csv.append("Émile")
          .append(i)
          .append(",Zola")
          .append(i)
          .append(",person")
          .append(i)
          .append("@scale.example,")
          .append(phone)
          .append(",Demo\n");
    }
    return csv.toString();
  }

  private static HttpRequest.Builder request(String pathAndQuery) {
    return http.request(pathAndQuery).timeout(Duration.ofSeconds(300)).header("Auth-Token", token);
  }

  private static String importCsv(String csv) {
    HttpRequest post =
        request("/webservices/import.php")
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "class=Person&no_localize=1&charset=UTF-8&csvdata="
                        + URLEncoder.encode(csv, StandardCharsets.UTF_8)))
            .build();
    return http.send(post, HttpResponse.BodyHandlers.ofString()).body();
  }

  /** The lines of the export, counted as they arrive (the body is never held whole). */
  private static long exportedLines(String oql) throws IOException, InterruptedException {
    HttpRequest get =
        request(
                "/webservices/export-v2.php?format=csv&no_localize=1&fields=id,friendlyname,email,org_id-%3Ename"
                    + "&expression="
                    + URLEncoder.encode(oql, StandardCharsets.UTF_8))
            .GET()
            .build();
    HttpResponse<InputStream> response = http.send(get, HttpResponse.BodyHandlers.ofInputStream());
    assertThat(response.statusCode()).isEqualTo(200);
    long lines = 0;
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
      while (reader.readLine() != null) {
        lines++;
      }
    }
    return lines;
  }

  @Test
  void importsOfThousandsOfRowsTakeAFewStatementsAndTheExportStreamsThemAllBack() throws Exception {
    long before = http.sqlStatements();
    String created = importCsv(csv(0));
    long creating = http.sqlStatements() - before;

    assertThat(created).contains("#Issues: 0\n").contains("#Created: " + ROWS + "\n");
    assertThat(creating)
        .as("statements of an import of %d new rows", ROWS)
        .isLessThanOrEqualTo(STATEMENTS_PER_IMPORT);

    before = http.sqlStatements();
    String changed = importCsv(csv(2));
    long changing = http.sqlStatements() - before;

    assertThat(changed)
        .contains("#Issues: 0\n")
        .contains("#Created: 0\n")
        .contains("#Updated: " + ROWS / 2 + "\n")
        .contains("#Unchanged: " + ROWS / 2 + "\n");
    assertThat(changing)
        .as("statements of an import of %d rows, half changed", ROWS)
        .isLessThanOrEqualTo(STATEMENTS_PER_IMPORT);

    assertThat(exportedLines("SELECT Person WHERE email LIKE '%@scale.example'"))
        .isEqualTo(ROWS + 1);
    assertThat(exportedLines("SELECT Person WHERE email LIKE '%@scale.example' AND phone != ''"))
        .isEqualTo(ROWS / 2 + 1);
  }
}
