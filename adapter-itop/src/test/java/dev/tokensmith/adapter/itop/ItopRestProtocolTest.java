package dev.tokensmith.adapter.itop;

import static dev.tokensmith.adapter.itop.ItopRest.GUIDE_EXAMPLE;
import static dev.tokensmith.adapter.itop.ItopRest.PATH;
import static dev.tokensmith.adapter.itop.ItopRest.answer;
import static dev.tokensmith.adapter.itop.ItopRest.assertAnswer;
import static dev.tokensmith.adapter.itop.ItopRest.call;
import static dev.tokensmith.adapter.itop.ItopRest.enc;
import static dev.tokensmith.adapter.itop.ItopRest.form;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tokensmith.adapter.http.ApiServer;
import dev.tokensmith.adapter.http.ApiServer.Res;
import dev.tokensmith.domain.account.User;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The protocol of {@code webservices/rest.php}: where parameters come from, the order of checks and
 * each code it yields, the envelope, JSON-P and PHP's escaping.
 */
class ItopRestProtocolTest {
  static final String FOUND_NONE = "{\"objects\":null,\"code\":0,\"message\":\"Found: 0\"}";
  static final String LIST_OPERATIONS = "{\"operation\":\"list_operations\"}";

  static ApiServer server;
  static String token;
  static ItopRest.Demo demo;

  @BeforeAll
  static void start() {
    server = ItopRest.server();
    demo = new ItopRest.Demo(server.tokensmith);
    User ada = server.restUser("ada");
    token = server.token(ada, "rest");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void theUserGuideExampleWorksWithTheTokenInTheHeader() {
    Res response = server.post(call("1.3", GUIDE_EXAMPLE)).authToken(token).send();
    answer(response);
    assertThat(response.body()).isEqualTo(FOUND_NONE);
  }

  @Test
  void theUserGuideExampleWorksWithTheTokenInTheQueryString() {
    Res response = server.post(call("1.3", GUIDE_EXAMPLE) + "&auth_token=" + token).send();
    answer(response);
    assertThat(response.body()).isEqualTo(FOUND_NONE);
  }

  @Test
  void everythingMayComeInAnUrlencodedBody() {
    Res response =
        server.post(PATH).form(form("1.3", GUIDE_EXAMPLE) + "&auth_token=" + enc(token)).send();
    answer(response);
    assertThat(response.body()).isEqualTo(FOUND_NONE);
  }

  @Test
  void everythingMayComeInTheQueryStringOfAGet() {
    Res response = server.get(call("1.3", GUIDE_EXAMPLE) + "&auth_token=" + token).send();
    assertThat(response.body()).isEqualTo(FOUND_NONE);
  }

  @Test
  void jsonDataMayBeAMultipartField() {
    Res response =
        server
            .post(PATH + "?version=1.3")
            .authToken(token)
            .multipart("json_data", GUIDE_EXAMPLE)
            .send();
    assertThat(response.body()).isEqualTo(FOUND_NONE);
  }

  @Test
  void jsonDataMayBeAnUploadedFile() {
    String boundary = "itop-upload";
    String body =
        "--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"version\"\r\n\r\n1.3\r\n--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"json_data\"; filename=\"call.json\"\r\n"
            + "Content-Type: application/json\r\n\r\n"
            + GUIDE_EXAMPLE
            + "\r\n--"
            + boundary
            + "--\r\n";
    Res response =
        server
            .post(PATH)
            .authToken(token)
            .rawBody(
                "multipart/form-data; boundary=" + boundary, body.getBytes(StandardCharsets.UTF_8))
            .send();
    assertThat(response.body()).isEqualTo(FOUND_NONE);
  }

  @Test
  void aBodyFieldWinsOverTheQueryAndALaterOccurrenceOverAnEarlierOne() {
    Res response =
        server
            .post(PATH + "?version=0.1&json_data=broken")
            .authToken(token)
            .form("version=9&version=1.3&json_data=" + enc(LIST_OPERATIONS))
            .send();
    assertAnswer(response, 0, "Operations: 5");
  }

  @Test
  void anApplicationJsonBodyIsNotReadSoTheVersionIsMissing() {
    Res response =
        server
            .post(PATH)
            .authToken(token)
            .json("{\"version\":\"1.3\",\"json_data\":" + "\"{}\"" + "}")
            .send();
    assertAnswer(response, 2, "Error: Missing parameter 'version' (e.g. '1.0')");
  }

  @Test
  void noCredentialsAtAllIsCode1BeforeAnythingElse() {
    Res response = server.get(PATH).send();
    ItopRest.assertRefusedLogin(response, ItopRest.INVALID_LOGIN, "missing_credentials");
  }

  @Test
  void missingVersionIsCode2() {
    assertAnswer(
        server.post(PATH + "?json_data=" + enc(LIST_OPERATIONS)).authToken(token).send(),
        2,
        "Error: Missing parameter 'version' (e.g. '1.0')");
  }

  @Test
  void anEmptyVersionIsMissingToo() {
    assertAnswer(
        server.post(call("", LIST_OPERATIONS)).authToken(token).send(),
        2,
        "Error: Missing parameter 'version' (e.g. '1.0')");
  }

  @Test
  void missingJsonDataIsCode3() {
    assertAnswer(
        server.post(PATH + "?version=1.3").authToken(token).send(),
        3,
        "Error: Missing parameter 'json_data'");
  }

  @ParameterizedTest
  @ValueSource(strings = {"{", "not json", "[1,2]", "\"text\"", "42", "null", "{} trailing"})
  void jsonDataThatIsNotAJsonObjectIsCode4(String json) {
    assertAnswer(
        server.post(call("1.3", json)).authToken(token).send(),
        4,
        "Error: Parameter json_data is not a valid JSON structure");
  }

  @Test
  void anInvalidJsonIsReportedBeforeAnUnsupportedVersion() {
    assertAnswer(
        server.post(call("9.9", "{")).authToken(token).send(),
        4,
        "Error: Parameter json_data is not a valid JSON structure");
  }

  @ParameterizedTest
  @ValueSource(strings = {"9.9", "1.5", "1", "1.3.0", " 1.3"})
  void anUnsupportedVersionIsCode10(String version) {
    assertAnswer(
        server.post(call(version, LIST_OPERATIONS)).authToken(token).send(),
        10,
        "Error: There is no service available for version '" + version + "'");
  }

  @Test
  void aMissingOperationIsCode100() {
    assertAnswer(
        server.post(call("1.3", "{\"class\":\"Person\"}")).authToken(token).send(),
        100,
        "Error: Missing parameter 'operation'");
  }

  @Test
  void anUnknownOperationIsCode11() {
    assertAnswer(
        server.post(call("1.3", "{\"operation\":\"core/get_related\"}")).authToken(token).send(),
        11,
        "Error: Unknown verb 'core/get_related' in version '1.3'");
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.0", "1.1", "1.2", "1.3", "1.4"})
  void listOperationsAnswersTheSameInEveryVersion(String version) {
    Res response = server.post(call(version, LIST_OPERATIONS)).authToken(token).send();
    answer(response);
    assertThat(response.body())
        .isEqualTo(
            "{\"version\":\""
                + version
                + "\",\"operations\":["
                + "{\"verb\":\"core\\/create\",\"description\":\"Create an object\",\"extension\":\"CoreServices\"},"
                + "{\"verb\":\"core\\/update\",\"description\":\"Update an object\",\"extension\":\"CoreServices\"},"
                + "{\"verb\":\"core\\/get\",\"description\":\"Search for objects\",\"extension\":\"CoreServices\"},"
                + "{\"verb\":\"core\\/delete\",\"description\":\"Delete objects\",\"extension\":\"CoreServices\"},"
                + "{\"verb\":\"core\\/check_credentials\",\"description\":\"Check user credentials\",\"extension\":\"CoreServices\"}"
                + "],\"code\":0,\"message\":\"Operations: 5\"}");
  }

  @Test
  void aCallbackMakesTheAnswerJsonP() {
    Res response = server.post(call("1.3", GUIDE_EXAMPLE) + "&callback=cb").authToken(token).send();
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.header("Content-Type")).startsWith("application/javascript");
    assertThat(response.body()).isEqualTo("cb(" + FOUND_NONE + ")");
  }

  @Test
  void aDottedCallbackIsAccepted() {
    Res response =
        server
            .post(call("1.3", LIST_OPERATIONS) + "&callback=my.handlers.done")
            .authToken(token)
            .send();
    assertThat(response.body()).startsWith("my.handlers.done({\"version\":\"1.3\"").endsWith("})");
  }

  @ParameterizedTest
  @ValueSource(strings = {"alert(1)", "cb;evil()", "1cb", "a..b", "<script>", "cb\n"})
  void aCallbackThatIsNotAJavaScriptNameIsRefusedInPlainJson(String callback) {
    Res response =
        server
            .post(call("1.3", LIST_OPERATIONS) + "&callback=" + enc(callback))
            .authToken(token)
            .send();
    JsonNode body = answer(response);
    assertThat(body.get("code").asInt()).isEqualTo(100);
    assertThat(body.get("message").asText())
        .startsWith("Error: callback must be a JavaScript name");
    assertThat(response.body()).doesNotContain("<script>");
  }

  @Test
  void slashesAreEscapedAndNonAsciiTooAsPhpDoes() {
    ItopRest.Demo.person(server.tokensmith, "Zoë", "AC/DC", "zoe@rock.example", null, demo.acme);
    Res response =
        server
            .post(
                call(
                    "1.3",
                    "{\"operation\":\"core/get\",\"class\":\"Person\",\"key\":{\"email\":\"zoe@rock.example\"},"
                        + "\"output_fields\":\"friendlyname\"}"))
            .authToken(token)
            .send();
    assertThat(response.body())
        .contains("\"friendlyname\":\"Zo\\u00eb AC\\/DC\"")
        .doesNotContain("AC/DC");
    JsonNode body = answer(response);
    assertThat(body.get("objects").elements().next().get("fields").get("friendlyname").asText())
        .isEqualTo("Zoë AC/DC");
  }

  @Test
  void idsKeysAndFieldValuesAreStrings() {
    Res response =
        server
            .post(
                call(
                    "1.3",
                    "{\"operation\":\"core/get\",\"class\":\"Person\",\"key\":"
                        + demo.monet.id()
                        + "}"))
            .authToken(token)
            .send();
    JsonNode object = answer(response).get("objects").get("Person::" + demo.monet.id());
    assertThat(object.get("key").isTextual()).isTrue();
    assertThat(object.get("fields").has("id")).isFalse();
    assertThat(object.get("fields").get("org_id").isTextual()).isTrue();
    assertThat(object.get("fields").get("org_id").asText())
        .isEqualTo(Long.toString(demo.demo.id().value()));
  }

  @Test
  void aBodyOverTheLimitIsRefusedAsAnIToPAnswer() {
    String big = "json_data=" + "x".repeat(70 * 1024);
    Res response = server.post(PATH + "?version=1.3").authToken(token).form(big).send();
    JsonNode body = answer(response);
    assertThat(body.get("code").asInt()).isEqualTo(100);
    assertThat(body.get("message").asText()).contains("65536 bytes");
  }

  @Test
  void otherMethodsAreNotServed() {
    assertThat(server.request("PUT", PATH).authToken(token).send().status()).isIn(404, 405);
  }
}
