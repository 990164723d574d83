package dev.tokensmith.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokensmith.bootstrap.TokensmithService;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
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
 * {@code webservices/rest.php} on the real stack (embedded PostgreSQL, HMAC digests, the demo
 * persons of a first start), called as the iTop user guide and iTop's data collector call it, with
 * a token created through {@code /api/v1/me/tokens}.
 */
class ItopRestIT {
  private static final String ADMIN_PASSWORD = "an admin password for tests";
  private static final String GUIDE_EXAMPLE =
      "{\"operation\": \"core/get\", \"class\": \"Person\", \"key\": \"SELECT Person WHERE email"
          + " LIKE ''\", \"output_fields\": \"friendlyname, email\"}";
  private static final String FOUND_NONE = "{\"objects\":null,\"code\":0,\"message\":\"Found: 0\"}";

  private static Path dataDir;
  private static TokensmithService service;
  private static Http http;
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static String[] admin;

  @BeforeAll
  static void start() throws IOException {
    dataDir = Files.createTempDirectory("tokensmith-itop-e2e");
    service = InJvmService.start(dataDir, ADMIN_PASSWORD);
    http = new Http(service.port());
    admin = session();
  }

  @AfterAll
  static void stop() {
    if (service != null) {
      service.close();
    }
  }

  private static String[] session() {
    return http.signIn("admin", ADMIN_PASSWORD);
  }

  /** A personal token of the administrator with scope rest, made through the API: body. */
  private static String createToken(String application) {
    HttpResponse<String> created =
        http.send(
            "POST",
            "/api/v1/me/tokens",
            "{\"application\":\"" + application + "\",\"scopes\":[\"rest\"]}",
            admin);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return created.body();
  }

  private static long useCount(String tokenId) {
    return Http.number(http.get("/api/v1/me/tokens/" + tokenId, admin).body(), "useCount");
  }

  private static String enc(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  private static HttpResponse<String> post(
      String pathAndQuery, String formBody, String... headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.port() + pathAndQuery))
            .timeout(Duration.ofSeconds(30));
    if (headers.length > 0) {
      request.headers(headers);
    }
    if (formBody != null) {
      request.header("Content-Type", "application/x-www-form-urlencoded");
      request.POST(HttpRequest.BodyPublishers.ofString(formBody));
    } else {
      request.POST(HttpRequest.BodyPublishers.noBody());
    }
    try {
      return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * {@code curl -X POST -G …/rest.php --data-urlencode version=1.3 --data-urlencode json_data=…}.
   */
  private static String guideQuery() {
    return "/webservices/rest.php?version=" + enc("1.3") + "&json_data=" + enc(GUIDE_EXAMPLE);
  }

  private static void assertItopAnswer(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
  }

  @Test
  void theUserGuidesExampleCallWorksWithTheTokenInTheHeaderAndInTheQuery() {
    String created = createToken("user guide");
    String token = Http.field(created, "secret");
    String id = Http.field(created, "id");

    HttpResponse<String> byHeader = post(guideQuery(), null, "Auth-Token", token);
    assertItopAnswer(byHeader);
    assertThat(byHeader.body()).isEqualTo(FOUND_NONE);

    HttpResponse<String> byQuery = post(guideQuery() + "&auth_token=" + enc(token), null);
    assertItopAnswer(byQuery);
    assertThat(byQuery.body()).isEqualTo(FOUND_NONE);
    assertThat(byQuery.headers().firstValue("Cache-Control")).contains("no-store");

    assertThat(useCount(id)).isEqualTo(2);
  }

  @Test
  void theCollectorsCallWorksWithTheTokenAndJsonDataInThePostBody() {
    String created = createToken("collector");
    String token = Http.field(created, "secret");
    String id = Http.field(created, "id");
    String json =
        "{\"operation\":\"core/get\",\"class\":\"Person\","
            + "\"key\":\"SELECT Person WHERE email LIKE '%@demo.com'\","
            + "\"output_fields\":\"friendlyname, email\"}";
    HttpResponse<String> response =
        post(
            "/webservices/rest.php?login_mode=token&version=1.3",
            "auth_token=" + enc(token) + "&json_data=" + enc(json));
    assertItopAnswer(response);
    assertThat(response.body())
        .contains("\"code\":0,\"message\":\"Found: 2\"")
        .contains(
            "\"fields\":{\"friendlyname\":\"Claude Monet\",\"email\":\"claude.monet@demo.com\"}")
        .contains("\"friendlyname\":\"Berthe Morisot\"");
    assertThat(useCount(id)).isEqualTo(1);
  }

  @Test
  void writesGoThroughThePostgresStoreWithTheOwnersRights() {
    String token = Http.field(createToken("writes"), "secret");
    String create =
        "{\"operation\":\"core/create\",\"comment\":\"e2e\",\"class\":\"Person\","
            + "\"fields\":{\"first_name\":\"Mary\",\"name\":\"Cassatt\",\"email\":\"mary.cassatt@demo.com\","
            + "\"org_id\":{\"name\":\"Demo\"}},\"output_fields\":\"id, org_name\"}";
    HttpResponse<String> created =
        post(
            "/webservices/rest.php?version=1.3&json_data=" + enc(create),
            null,
            "Auth-Token",
            token);
    assertItopAnswer(created);
    assertThat(created.body())
        .contains("\"message\":\"created\"")
        .endsWith(",\"code\":0,\"message\":null}");
    String id = Http.field(created.body(), "key");

    String update =
        "{\"operation\":\"core/update\",\"comment\":\"e2e\",\"class\":\"Person\","
            + "\"key\":\"SELECT Person WHERE email = 'mary.cassatt@demo.com'\","
            + "\"fields\":{\"phone\":\"+33 1 00 00 00 00\"},\"output_fields\":\"phone\"}";
    HttpResponse<String> updated =
        post(
            "/webservices/rest.php?version=1.4&json_data=" + enc(update),
            null,
            "Auth-Token",
            token);
    assertThat(updated.body())
        .contains("\"message\":\"updated\"")
        .contains("\"phone\":\"+33 1 00 00 00 00\"");

    String delete =
        "{\"operation\":\"core/delete\",\"comment\":\"e2e\",\"class\":\"Person\",\"key\":"
            + id
            + "}";
    HttpResponse<String> deleted =
        post(
            "/webservices/rest.php?version=1.3&json_data=" + enc(delete),
            null,
            "Auth-Token",
            token);
    assertThat(deleted.body())
        .isEqualTo(
            "{\"objects\":{\"Person::"
                + id
                + "\":{\"code\":0,\"message\":\"\",\"class\":\"Person\",\"key\":\""
                + id
                + "\",\"fields\":{\"id\":\""
                + id
                + "\",\"friendlyname\":\"Mary Cassatt\"}}},\"code\":0,\"message\":\"Deleted: 1\"}");

    String inUse =
        "{\"operation\":\"core/delete\",\"class\":\"Organization\",\"key\":{\"name\":\"Demo\"},"
            + "\"simulate\":true}";
    HttpResponse<String> refused =
        post(
            "/webservices/rest.php?version=1.3&json_data=" + enc(inUse), null, "Auth-Token", token);
    assertThat(refused.body()).contains("\"code\":12").contains("Cannot be deleted: it is used by");
  }

  private static String call(String token, String json) {
    HttpResponse<String> response =
        post(
            "/webservices/rest.php?login_mode=token&version=1.3",
            "auth_token=" + enc(token) + "&json_data=" + enc(json));
    assertItopAnswer(response);
    return response.body();
  }

  @Test
  void theClassesAnswerAsItopDoesWithTheStatusStoredInPostgres() {
    String token = Http.field(createToken("classes"), "secret");
    String created =
        call(
            token,
            "{\"operation\":\"core/create\",\"comment\":\"e2e\",\"class\":\"Person\","
                + "\"fields\":{\"first_name\":\"Eva\",\"name\":\"Gonzales\","
                + "\"email\":\"eva.gonzales@salon.example\",\"status\":\"inactive\","
                + "\"org_id\":{\"name\":\"Demo\"}}}");
    assertThat(created).contains("\"status\":\"inactive\"").doesNotContain("\"id\":");
    String id = Http.field(created, "key");

    String contact =
        call(
            token,
            "{\"operation\":\"core/get\",\"class\":\"Contact\","
                + "\"key\":{\"email\":\"eva.gonzales@salon.example\"},\"output_fields\":\"*\"}");
    assertThat(contact)
        .contains("\"Person::" + id + "\":{\"code\":0,\"message\":\"\",\"class\":\"Person\"")
        .contains("\"fields\":{\"name\":\"Gonzales\",\"first_name\":\"Eva\"")
        .contains("\"status\":\"inactive\"")
        .contains("\"message\":\"Found: 1\"");
    String byOql =
        call(
            token,
            "{\"operation\":\"core/get\",\"class\":\"Contact\",\"key\":\"SELECT Contact WHERE"
                + " status = 'inactive' AND email LIKE '%@salon.example'\",\"output_fields\":\"email\"}");
    assertThat(byOql)
        .isEqualTo(
            "{\"objects\":{\"Person::"
                + id
                + "\":{\"code\":0,\"message\":\"\",\"class\":\"Person\",\"key\":\""
                + id
                + "\",\"fields\":{\"email\":\"eva.gonzales@salon.example\"}}},\"code\":0,"
                + "\"message\":\"Found: 1\"}");

    String reactivated =
        call(
            token,
            "{\"operation\":\"core/update\",\"comment\":\"e2e\",\"class\":\"Person\",\"key\":"
                + id
                + ",\"fields\":{\"status\":\"active\"},\"output_fields\":\"status\"}");
    assertThat(reactivated).contains("\"fields\":{\"status\":\"active\"}");
    String refused =
        call(
            token,
            "{\"operation\":\"core/update\",\"comment\":\"e2e\",\"class\":\"Person\",\"key\":"
                + id
                + ",\"fields\":{\"status\":\"retired\"}}");
    assertThat(refused)
        .contains("\"code\":100")
        .contains("status: 'retired' is not a valid value (active or inactive)");

    String organization =
        call(
            token,
            "{\"operation\":\"core/get\",\"class\":\"Organization\",\"key\":{\"name\":\"Demo\"}}");
    String user =
        call(
            token, "{\"operation\":\"core/get\",\"class\":\"User\",\"key\":{\"login\":\"admin\"}}");
    assertThat(user)
        .as(user)
        .contains("\"class\":\"UserLocal\"")
        .containsPattern("\"UserLocal::\\d+\":")
        .containsPattern("\"email\":\"[^\"]+@[^\"]+\"")
        .contains(
            "{\"profileid\":\"1\",\"profile\":\"Administrator\",\"reason\":\"\","
                + "\"friendlyname\":\"Link between admin and Administrator\","
                + "\"profileid_friendlyname\":\"Administrator\"}")
        .contains("\"allowed_org_list\":[]")
        .contains("\"finalclass\":\"UserLocal\",\"friendlyname\":\"admin\"")
        .contains("\"message\":\"Found: 1\"");

    assertThat(organization)
        .contains("\"fields\":{\"name\":\"Demo\",\"status\":\"active\",\"friendlyname\":\"Demo\"}");
  }

  @Test
  void aRefusedTokenIsAnInvalidLoginWhoseReasonTheOwnerSees() {
    String created = createToken("scoped");
    String token = Http.field(created, "secret");
    String id = Http.field(created, "id");
    HttpResponse<String> refused =
        post(
            guideQuery(),
            null,
            "Auth-Token",
            token.substring(0, 27) + "x".repeat(43) + token.substring(70));
    assertItopAnswer(refused);
    assertThat(refused.body()).isEqualTo("{\"code\":1,\"message\":\"Error: Invalid login\"}");
    assertThat(refused.headers().firstValue("X-Tokensmith-Auth-Failure"))
        .contains("malformed_token");

    HttpResponse<String> edited =
        http.send("PATCH", "/api/v1/me/tokens/" + id, "{\"scopes\":[\"export\"]}", admin);
    assertThat(edited.statusCode()).as(edited.body()).isEqualTo(200);
    HttpResponse<String> noScope = post(guideQuery(), null, "Auth-Token", token);
    assertThat(noScope.body()).isEqualTo("{\"code\":1,\"message\":\"Error: Invalid login\"}");
    assertThat(noScope.headers().firstValue("X-Tokensmith-Auth-Failure"))
        .contains("scope_not_granted");
    assertThat(http.get("/api/v1/me/tokens/" + id, admin).body())
        .contains("\"reason\":\"scope_not_granted\"")
        .contains("\"endpoint\":\"POST /webservices/rest.php\"");
  }
}
