package dev.tokensmith.adapter.itop;

import static dev.tokensmith.adapter.itop.ItopRest.PATH;
import static dev.tokensmith.adapter.itop.ItopRest.answer;
import static dev.tokensmith.adapter.itop.ItopRest.call;
import static dev.tokensmith.adapter.itop.ItopRest.enc;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tokensmith.adapter.http.ApiServer;
import dev.tokensmith.adapter.http.ApiServer.Res;
import dev.tokensmith.application.fake.InMemoryTokensmith;
import dev.tokensmith.application.port.in.FindDirectoryObjectsUseCase;
import dev.tokensmith.application.port.out.StorageFailure;
import dev.tokensmith.domain.account.Profile;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Nothing a client sends to {@code webservices/rest.php} yields anything but an iTop answer: no
 * 500, no stack trace, no detail of a fault; the database being down is an answer too.
 */
class ItopRestHostileInputTest {
  static final Set<Integer> CODES = Set.of(0, 1, 2, 3, 4, 10, 11, 12, 13, 100);
  static final AtomicBoolean DATABASE_DOWN = new AtomicBoolean();
  static final AtomicBoolean BUG = new AtomicBoolean();

  static ApiServer server;
  static String token;

  @BeforeAll
  static void start() {
    InMemoryTokensmith tokensmith = new InMemoryTokensmith(ItopRest.GENEROUS);
    ItopUseCases real = ItopRest.useCases(tokensmith.core);
    FindDirectoryObjectsUseCase find =
        (actor, query, limit, offset) -> {
          if (DATABASE_DOWN.get()) {
            throw new StorageFailure("connection refused", new java.io.IOException("refused"));
          }
          if (BUG.get()) {
            throw new IllegalStateException("a bug with a detail that must stay inside");
          }
          return real.findDirectoryObjects().find(actor, query, limit, offset);
        };
    ItopUseCases useCases =
        new ItopUseCases(
            real.authenticate(),
            real.logInToRestServices(),
            real.logIn(),
            real.failedSignIn(),
            find,
            real.countDirectoryObjects(),
            real.createDirectoryObject(),
            real.updateDirectoryObject(),
            real.deleteDirectoryObject());
    server = ItopRest.start(tokensmith, useCases, settings -> settings);
    token =
        server.token(
            server.user("root", Profile.ADMINISTRATOR, Profile.REST_SERVICES_USER), "rest");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  /** A hostile request and how to send it. */
  record Row(String description, Function<ApiServer, Res> send) {
    @Override
    public String toString() {
      return description;
    }
  }

  static Row json(String description, String version, String json) {
    return new Row(
        description, s -> s.post(PATH).authToken(token).form(ItopRest.form(version, json)).send());
  }

  static Row get(String description, String key, String more) {
    return json(
        description,
        "1.4",
        "{\"operation\":\"core/get\",\"class\":\"Person\",\"key\":" + key + more + "}");
  }

  static Stream<Row> hostile() {
    String ors = "name = 'a'" + " OR name = 'a'".repeat(2_000);
    return Stream.of(
        json("json_data nested 15000 deep", "1.3", "[".repeat(15_000)),
        json(
            "json_data objects nested 3000 deep",
            "1.3",
            "{\"a\":".repeat(3_000) + "1" + "}".repeat(3_000)),
        json(
            "an operation nested 900 deep",
            "1.3",
            "{\"operation\":" + "[".repeat(900) + "]".repeat(900) + "}"),
        json(
            "a class that is an object",
            "1.3",
            "{\"operation\":\"core/get\",\"class\":{\"a\":1},\"key\":1}"),
        json(
            "a version with control characters",
            "1.3\u0000\n",
            "{\"operation\":\"list_operations\"}"),
        json(
            "json_data with a byte order mark", "1.3", "\uFEFF{\"operation\":\"list_operations\"}"),
        json(
            "json_data with a lone surrogate",
            "1.3",
            "{\"operation\":\"core/get\",\"class\":\"Person\",\"key\":{\"name\":\"\\ud800\"}}"),
        json(
            "a created field with a lone surrogate",
            "1.3",
            "{\"operation\":\"core/create\",\"comment\":\"c\",\"class\":\"Organization\",\"fields\":{\"name\":\"\\udc00x\"}}"),
        json(
            "an external key nested in itself",
            "1.3",
            "{\"operation\":\"core/get\",\"class\":\"Person\",\"key\":{\"org_id\":"
                + "{\"org_id\":".repeat(200)
                + "1"
                + "}".repeat(200)
                + "}}"),
        json(
            "an external key inside the criteria of an external key",
            "1.3",
            "{\"operation\":\"core/get\",\"class\":\"User\",\"key\":"
                + "{\"contactid\":{\"org_id\":{\"name\":\"x\"}}}"
                + "}"),
        get(
            "an OQL with 5000 opening parentheses",
            "\"SELECT Person WHERE " + "(".repeat(5_000) + "\"",
            ""),
        get("an OQL with 2000 ORs", "\"SELECT Person WHERE " + ors + "\"", ""),
        get(
            "a LIKE pattern of 20000 wildcards",
            "\"SELECT Person WHERE email LIKE '" + "%_".repeat(10_000) + "x'\"",
            ""),
        get("an OQL with a NUL and a newline", "\"SELECT Person\\u0000\\nWHERE\"", ""),
        get("an empty OQL", "\"\"", ""),
        get("a key of 1e400", "1e400", ""),
        get("a key beyond a long", "99999999999999999999999", ""),
        get("a negative key", "-5", ""),
        get("a key that is a deep array", "[".repeat(500) + "]".repeat(500), ""),
        get("a limit of 1e308", "1", ",\"limit\":1e308"),
        get("a page beyond an int", "1", ",\"limit\":1,\"page\":4294967296"),
        get("the largest limit and page", "1", ",\"limit\":2147483647,\"page\":2147483647"),
        get(
            "output_fields of 20000 commas",
            "1",
            ",\"output_fields\":\"" + ",".repeat(20_000) + "\""),
        get("output_fields that is an object", "1", ",\"output_fields\":{\"a\":[1]}"),
        get("a finalclass of another class", "{\"finalclass\":\"User\"}", ""),
        get("a finalclass that is an array", "{\"finalclass\":[1]}", ""),
        json(
            "check_credentials with a 40000-character password",
            "1.3",
            "{\"operation\":\"core/check_credentials\",\"user\":\"root\",\"password\":\""
                + "p".repeat(40_000)
                + "\"}"),
        json(
            "delete with simulate as a structure",
            "1.3",
            "{\"operation\":\"core/delete\",\"class\":\"Person\",\"key\":99999,\"simulate\":{\"x\":[]}}"),
        new Row(
            "a 10000-character auth_token",
            s -> s.post(call("1.3", "{}")).form("auth_token=" + "A".repeat(10_000)).send()),
        new Row(
            "a callback of 200 characters",
            s ->
                s.post(call("1.3", "{}") + "&callback=" + "c".repeat(200)).authToken(token).send()),
        new Row(
            "HTTP Basic of bytes that are not UTF-8",
            s ->
                s.post(call("1.3", "{}"))
                    .header(
                        "Authorization",
                        "Basic "
                            + java.util.Base64.getEncoder()
                                .encodeToString(new byte[] {(byte) 0xff, ':', (byte) 0xfe}))
                    .send()),
        new Row(
            "a multipart body without its boundary",
            s ->
                s.post(PATH + "?version=1.3")
                    .authToken(token)
                    .rawBody(
                        "multipart/form-data", "--x\r\nnot a part".getBytes(StandardCharsets.UTF_8))
                    .send()),
        new Row(
            "a multipart body over the limit",
            s ->
                s.post(PATH + "?version=1.3")
                    .authToken(token)
                    .multipart("json_data", "x".repeat(70_000))
                    .send()),
        new Row(
            "an urlencoded body with broken escapes",
            s -> s.post(PATH).authToken(token).form("version=1.3&json_data=%7B%zz%&%%%").send()),
        new Row(
            "a body that is not UTF-8",
            s ->
                s.post(PATH)
                    .authToken(token)
                    .rawBody(
                        "application/x-www-form-urlencoded",
                        new byte[] {'v', '=', (byte) 0xc3, (byte) 0x28})
                    .send()),
        new Row(
            "a query of 1000 parameters",
            s -> s.get(PATH + "?" + "a=1&".repeat(1_000) + "version=1.3").authToken(token).send()));
  }

  @ParameterizedTest
  @MethodSource("hostile")
  void isAnswered(Row row) {
    Res response = row.send().apply(server);
    assertNoFault(response);
  }

  static void assertNoFault(Res response) {
    JsonNode body = answer(response);
    assertThat(CODES).as(response.body()).contains(body.get("code").asInt());
    assertThat(response.body())
        .doesNotContain("Exception")
        .doesNotContain("java.")
        .doesNotContain("\tat ")
        .doesNotContain("must stay inside");
  }

  @Test
  void aQueryStringOverTheServersLimitIsRefusedByTheServerNotBroken() {
    // on its own connection: the server drops a connection whose request line it refused
    Res response = server.raw("GET", PATH + "?" + "a=1&".repeat(6_000) + "version=1.3");
    assertThat(response.status()).isEqualTo(414);
    assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ");
  }

  @Test
  void theDatabaseDownIsCode100WithRetryAfterAndTheServiceRecovers() {
    String call =
        call("1.3", "{\"operation\":\"core/get\",\"class\":\"Person\",\"key\":\"SELECT Person\"}");
    DATABASE_DOWN.set(true);
    try {
      Res down = server.post(call).authToken(token).send();
      assertNoFault(down);
      assertThat(down.json().get("code").asInt()).isEqualTo(100);
      assertThat(down.json().get("message").asText()).contains("database");
      assertThat(down.header("Retry-After")).isEqualTo("5");
      assertThat(down.body()).doesNotContain("refused");
    } finally {
      DATABASE_DOWN.set(false);
    }
    assertThat(server.post(call).authToken(token).send().json().get("code").asInt()).isZero();
  }

  @Test
  void aBugIsCode100WithoutAnyDetail() {
    BUG.set(true);
    try {
      Res response =
          server
              .post(call("1.3", "{\"operation\":\"core/get\",\"class\":\"Person\",\"key\":1}"))
              .authToken(token)
              .send();
      assertNoFault(response);
      assertThat(response.json().get("message").asText())
          .matches(
              "Error: Something went wrong on our side; it was logged with error id"
                  + " [0-9a-f-]{36}\\.");
    } finally {
      BUG.set(false);
    }
  }

  @Test
  void aLikePatternMatchesLiterally() {
    List<String> probes = List.of("'%'", "'_'", "'\\\\%'");
    for (String pattern : probes) {
      assertNoFault(
          server
              .post(
                  call(
                      "1.3",
                      "{\"operation\":\"core/get\",\"class\":\"Person\",\"key\":\"SELECT Person WHERE name LIKE "
                          + pattern
                          + "\"}"))
              .authToken(token)
              .send());
    }
    assertThat(enc("%")).isEqualTo("%25");
  }
}
