package dev.tokensmith.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokensmith.bootstrap.TokensmithService;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code export-v2.php} and {@code import.php} on the real stack (embedded PostgreSQL, the demo
 * data of a first start), with tokens made through {@code /api/v1/me/tokens}: an import of more
 * rows than the export's fetch size in one transaction, simulate, accented and ISO-8859-1 data
 * round-tripping, and each scope refused by the other endpoint.
 */
class ItopBulkIT {
  private static final String ADMIN_PASSWORD = "an admin password for bulk tests";

  private static Path dataDir;
  private static TokensmithService service;
  private static Http http;
  private static String[] admin;

  @BeforeAll
  static void start() throws IOException {
    dataDir = Files.createTempDirectory("tokensmith-bulk-e2e");
    service = InJvmService.start(dataDir, ADMIN_PASSWORD);
    http = new Http(service.port());
    admin = http.signIn("admin", ADMIN_PASSWORD);
  }

  @AfterAll
  static void stop() {
    if (service != null) {
      service.close();
    }
  }

  private static String token(String application, String scopes) {
    return http.token(admin, application, scopes);
  }

  private static String enc(String text, Charset charset) {
    return URLEncoder.encode(text, charset);
  }

  private static HttpResponse<byte[]> call(String pathAndQuery, String form, String token) {
    HttpRequest.Builder request =
        http.request(pathAndQuery).timeout(Duration.ofSeconds(120)).header("Auth-Token", token);
    if (form != null) {
      request.header("Content-Type", "application/x-www-form-urlencoded");
      request.POST(HttpRequest.BodyPublishers.ofString(form));
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private static String text(HttpResponse<byte[]> response) {
    return new String(response.body(), StandardCharsets.UTF_8);
  }

  private static String export(String token, String oql, String more) {
    return text(
        call(
            "/webservices/export-v2.php?format=csv&no_localize=1&expression="
                + enc(oql, StandardCharsets.UTF_8)
                + more,
            null,
            token));
  }

  @Test
  void anImportOfMoreRowsThanAFetchIsExportedBackInOrderInEveryEncoding() {
    String token = token("bulk", "\"import\",\"export\"");
    StringBuilder csv = new StringBuilder("first_name;name;email;org_id->name\n");
    for (int i = 0; i < 2500; i++) {
      csv.append(String.format("Zoé%04d;Brontë;zoe%04d@bulk.example;Demo%n", i, i));
    }
    String form =
        "class=Person&no_localize=1&separator=%3B&charset=UTF-8&csvdata="
            + enc(csv.toString(), StandardCharsets.UTF_8);

    String simulated = text(call("/webservices/import.php", form + "&simulate=1", token));
    assertThat(simulated).contains("#Simulate: 1\n").contains("#Created: 2500\n");
    assertThat(export(token, "SELECT Person WHERE email LIKE '%@bulk.example'", "&fields=id"))
        .isEqualTo("\"id\"\n");

    String imported = text(call("/webservices/import.php", form, token));
    assertThat(imported).contains("#Issues: 0\n").contains("#Created: 2500\n");
    String again = text(call("/webservices/import.php", form + "&output=retcode", token));
    assertThat(again).isEqualTo("0\n");

    String exported =
        export(
            token,
            "SELECT Person WHERE email LIKE '%@bulk.example'",
            "&fields=first_name,name,email,org_id-%3Ename&separator=%3B");
    String[] lines = exported.split("\n");
    assertThat(lines).hasSize(2501);
    assertThat(lines[0]).isEqualTo("\"first_name\";\"name\";\"email\";\"org_id->name\"");
    assertThat(lines[1]).isEqualTo("\"Zoé0000\";\"Brontë\";\"zoe0000@bulk.example\";\"Demo\"");
    assertThat(lines[2500]).isEqualTo("\"Zoé2499\";\"Brontë\";\"zoe2499@bulk.example\";\"Demo\"");

    HttpResponse<byte[]> latin1 =
        call(
            "/webservices/export-v2.php?format=csv&no_localize=1&charset=ISO-8859-1&fields=first_name,name"
                + "&expression="
                + enc("SELECT Person WHERE email = 'zoe0042@bulk.example'", StandardCharsets.UTF_8),
            null,
            token);
    byte[] expected =
        "\"first_name\",\"name\"\n\"Zoé0042\",\"Brontë\"\n".getBytes(StandardCharsets.ISO_8859_1);
    assertThat(latin1.body()).isEqualTo(expected);

    // the Latin-1 export, imported back as Latin-1 with a changed email, updates the same person
    String back =
        new String(latin1.body(), StandardCharsets.ISO_8859_1)
            .replace("\"first_name\",\"name\"", "\"first_name\",\"name\",\"email\"")
            .replace("\"Brontë\"\n", "\"Brontë\",\"zoe0042@bulk.example\"\n");
    String reimported =
        text(
            call(
                "/webservices/import.php",
                "class=Person&no_localize=1&charset=ISO-8859-1&csvdata="
                    + enc(back, StandardCharsets.ISO_8859_1),
                token));
    assertThat(reimported).contains("#Unchanged: 1\n").contains("#Created: 0\n");
  }

  @Test
  void eachScopeIsRefusedByTheOtherEndpoint() {
    String exportOnly = token("export only", "\"export\"");
    String importOnly = token("import only", "\"import\"");

    HttpResponse<byte[]> importRefused =
        call("/webservices/import.php", "class=Person&csvdata=name%0AX%0A", exportOnly);
    assertThat(text(importRefused)).isEqualTo("Invalid login\n");
    assertThat(importRefused.headers().firstValue("X-Tokensmith-Auth-Failure"))
        .hasValue("scope_not_granted");

    HttpResponse<byte[]> exportRefused =
        call(
            "/webservices/export-v2.php?login_mode=token&format=csv&fields=id&expression="
                + enc("SELECT Person", StandardCharsets.UTF_8),
            null,
            importOnly);
    assertThat(exportRefused.statusCode()).isEqualTo(401);
    assertThat(exportRefused.headers().firstValue("X-Tokensmith-Auth-Failure"))
        .hasValue("scope_not_granted");

    HttpResponse<byte[]> restRefused =
        call("/webservices/rest.php?version=1.3&json_data=%7B%7D", null, exportOnly);
    assertThat(text(restRefused)).contains("Error: Invalid login");
  }
}
