package dev.tokensmith.adapter.itop;

import static dev.tokensmith.adapter.itop.ItopRest.answer;
import static dev.tokensmith.adapter.itop.ItopRest.assertAnswer;
import static dev.tokensmith.adapter.itop.ItopRest.call;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tokensmith.adapter.http.ApiServer;
import dev.tokensmith.adapter.http.ApiServer.Res;
import dev.tokensmith.adapter.http.Json;
import dev.tokensmith.domain.account.Organization;
import dev.tokensmith.domain.account.Profile;
import dev.tokensmith.domain.account.User;
import dev.tokensmith.domain.directory.DirectoryRecord;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The operations of {@code webservices/rest.php} on the directory: each one's success and error
 * paths, every key form, {@code output_fields}, paging in 1.4 and the rights of each profile.
 */
class ItopRestOperationsTest {
  static ApiServer server;
  static ItopRest.Demo demo;
  static User administrator;
  static String admin;
  static String reader;
  static String manager;

  /** Where the write tests put their persons, so that the read tests' counts hold. */
  static Organization scratch;

  static Organization scratchTwo;

  @BeforeAll
  static void start() {
    server = ItopRest.server();
    demo = new ItopRest.Demo(server.tokensmith);
    scratch = server.tokensmith.accounts.addOrganization("Scratch");
    scratchTwo = server.tokensmith.accounts.addOrganization("Scratch Two");
    administrator = server.administrator("root");
    admin = server.token(administrator, "rest");
    reader =
        server.token(
            server.user("reader", Profile.REST_SERVICES_USER, Profile.DIRECTORY_READER), "rest");
    manager =
        server.token(
            server.user("manager", Profile.REST_SERVICES_USER, Profile.DIRECTORY_MANAGER), "rest");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static Res rest(String token, String version, String json) {
    return server.post(call(version, json)).authToken(token).send();
  }

  static Res rest(String token, String json) {
    return rest(token, "1.3", json);
  }

  static String get(String className, String key, String more) {
    return "{\"operation\":\"core/get\",\"class\":\""
        + className
        + "\",\"key\":"
        + key
        + more
        + "}";
  }

  static String quoted(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  static List<String> keys(JsonNode body) {
    List<String> keys = new ArrayList<>();
    if (!body.get("objects").isNull()) {
      body.get("objects").fieldNames().forEachRemaining(keys::add);
    }
    return keys;
  }

  static String key(DirectoryRecord record) {
    return record.objectKey();
  }

  @Nested
  class Get {
    @Test
    void byIdAllFieldsInItopsOrder() {
      JsonNode body =
          assertAnswer(
              rest(reader, get("Person", Long.toString(demo.monet.id()), "")), 0, "Found: 1");
      assertThat(Json.fieldNames(body)).containsExactly("objects", "code", "message");
      JsonNode monet = body.get("objects").get(key(demo.monet));
      assertThat(Json.fieldNames(monet))
          .containsExactly("code", "message", "class", "key", "fields");
      assertThat(monet.get("code").asInt()).isZero();
      assertThat(monet.get("message").asText()).isEmpty();
      assertThat(monet.get("class").asText()).isEqualTo("Person");
      assertThat(monet.get("key").asText()).isEqualTo(Long.toString(demo.monet.id()));
      assertThat(Json.fieldNames(monet.get("fields")))
          .containsExactly(
              "name",
              "first_name",
              "email",
              "phone",
              "status",
              "org_id",
              "org_name",
              "friendlyname");
      assertThat(monet.get("fields").get("status").asText()).isEqualTo("active");
      assertThat(monet.get("fields").get("friendlyname").asText()).isEqualTo("Claude Monet");
      assertThat(monet.get("fields").get("org_name").asText()).isEqualTo("Demo");
    }

    @Test
    void byIdAsAString() {
      assertAnswer(
          rest(reader, get("Person", quoted(Long.toString(demo.monet.id())), "")), 0, "Found: 1");
    }

    @Test
    void anAbsentIdFindsNothing() {
      Res response = rest(reader, get("Person", "99999", ""));
      assertThat(response.body())
          .isEqualTo("{\"objects\":null,\"code\":0,\"message\":\"Found: 0\"}");
    }

    @Test
    void byCriteria() {
      JsonNode body =
          assertAnswer(
              rest(reader, get("Person", "{\"name\":\"Monet\",\"first_name\":\"Claude\"}", "")),
              0,
              "Found: 1");
      assertThat(keys(body)).containsExactly(key(demo.monet));
    }

    @Test
    void byCriteriaWithAnExternalKeyGivenAsCriteria() {
      JsonNode body =
          assertAnswer(
              rest(reader, get("Person", "{\"org_id\":{\"name\":\"Demo\"}}", "")), 0, "Found: 2");
      assertThat(keys(body)).containsExactly(key(demo.monet), key(demo.morisot));
    }

    @Test
    void byCriteriaWithAnExternalKeyGivenAsOql() {
      JsonNode body =
          assertAnswer(
              rest(
                  reader,
                  get(
                      "Person",
                      "{\"org_id\":\"SELECT Organization WHERE name = 'Acme Corporation'\"}",
                      "")),
              0,
              "Found: 2");
      assertThat(keys(body)).containsExactly(key(demo.coyote), key(demo.runner));
    }

    @Test
    void byCriteriaWithAnExternalKeyOfNoObject() {
      assertAnswer(
          rest(reader, get("Person", "{\"org_id\":99999}", "")),
          100,
          "Error: org_id: Invalid object Organization::99999");
      assertAnswer(
          rest(reader, get("Person", "{\"org_id\":{\"name\":\"Nope\"}}", "")),
          100,
          "Error: org_id: No item found with criteria: name: Nope (Nope)");
    }

    @Test
    void emptyCriteriaMatchEveryObject() {
      JsonNode body = answer(rest(reader, get("Organization", "{}", "")));
      assertThat(keys(body)).contains("Organization::" + demo.demo.id().value());
    }

    @Test
    void byOql() {
      JsonNode body =
          assertAnswer(
              rest(
                  reader, get("Person", quoted("SELECT Person WHERE email LIKE '%@demo.com'"), "")),
              0,
              "Found: 2");
      assertThat(keys(body)).containsExactly(key(demo.monet), key(demo.morisot));
    }

    @Test
    void starListsEveryAttributeButTheId() {
      JsonNode body =
          answer(
              rest(
                  reader,
                  get(
                      "Organization",
                      Long.toString(demo.demo.id().value()),
                      ",\"output_fields\":\"*\"")));
      JsonNode organization = body.get("objects").get("Organization::" + demo.demo.id().value());
      assertThat(Json.fieldNames(organization.get("fields"))).doesNotContain("id");
      assertThat(organization.get("key").asText()).isEqualTo(Long.toString(demo.demo.id().value()));
    }

    @Test
    void aContactQueryFindsPersonsUnderTheirRealClass() {
      JsonNode body =
          assertAnswer(
              rest(reader, get("Contact", "{\"email\":\"claude.monet@demo.com\"}", "")),
              0,
              "Found: 1");
      JsonNode monet = body.get("objects").get(key(demo.monet));
      assertThat(monet.get("class").asText()).isEqualTo("Person");
      assertThat(monet.get("fields").get("friendlyname").asText()).isEqualTo("Claude Monet");
    }

    @Test
    void aContactOqlFindsPersons() {
      JsonNode body =
          assertAnswer(
              rest(
                  reader,
                  get("Contact", quoted("SELECT Contact WHERE email LIKE '%@demo.com'"), "")),
              0,
              "Found: 2");
      assertThat(keys(body)).containsExactly(key(demo.monet), key(demo.morisot));
    }

    @Test
    void contactIsReadOnly() {
      JsonNode body =
          answer(
              rest(
                  admin,
                  "{\"operation\":\"core/create\",\"comment\":\"c\",\"class\":\"Contact\","
                      + "\"fields\":{\"name\":\"X\"}}"));
      assertThat(body.get("code").asInt()).isEqualTo(100);
      assertThat(body.get("message").asText()).contains("'Contact' is read-only");
    }

    @Test
    void anOqlOfAnotherClassShowsItsObjectsWithIdAndFriendlyName() {
      JsonNode body =
          answer(
              rest(reader, get("Person", quoted("SELECT Organization WHERE name = 'Demo'"), "")));
      JsonNode organization = body.get("objects").get("Organization::" + demo.demo.id().value());
      assertThat(Json.fieldNames(organization.get("fields"))).containsExactly("id", "friendlyname");
    }

    @Test
    void anUnknownClassIsCode100() {
      assertAnswer(
          rest(reader, get("NoSuchClass", "1", "")),
          100,
          "Error: class: 'NoSuchClass' is not a valid class'");
    }

    @Test
    void aMissingClassOrKeyIsCode100() {
      assertAnswer(
          rest(reader, "{\"operation\":\"core/get\",\"key\":1}"),
          100,
          "Error: Missing parameter 'class'");
      assertAnswer(
          rest(reader, "{\"operation\":\"core/get\",\"class\":\"Person\",\"key\":null}"),
          100,
          "Error: Missing parameter 'key'");
    }

    @Test
    void anUnknownAttributeInCriteriaIsCode100() {
      assertAnswer(
          rest(reader, get("Person", "{\"no_such_field\":\"x\"}", "")),
          100,
          "Error: no_such_field: Unknown attribute");
    }

    @Test
    void aBrokenOqlIsCode100WithTheQuery() {
      JsonNode body = answer(rest(reader, get("Person", quoted("SELECT Person WHERE"), "")));
      assertThat(body.get("code").asInt()).isEqualTo(100);
      assertThat(body.get("message").asText())
          .startsWith("Error: Query failed to execute: query = SELECT Person WHERE, ");
    }

    @Test
    void anOqlOfAnUnknownClassOrAttributeIsCode100WithTheQuery() {
      assertThat(
              answer(rest(reader, get("Person", quoted("SELECT Nope"), "")))
                  .get("message")
                  .asText())
          .startsWith("Error: Query failed to execute: query = SELECT Nope, ")
          .contains("'Nope' is not a valid class");
      assertThat(
              answer(rest(reader, get("Person", quoted("SELECT Person WHERE nope = 1"), "")))
                  .get("message")
                  .asText())
          .startsWith("Error: Query failed to execute: query = SELECT Person WHERE nope = 1, ")
          .contains("nope: Unknown attribute");
    }

    @ParameterizedTest
    @ValueSource(strings = {"true", "[1]", "1.5"})
    void aKeyOfAnotherFormIsCode100(String key) {
      assertAnswer(rest(reader, get("Person", key, "")), 100, "Error: Wrong format for key");
    }

    @Test
    void outputFieldsListWithSpacesKeepsTheOrderGiven() {
      JsonNode body =
          answer(
              rest(
                  reader,
                  get(
                      "Person",
                      Long.toString(demo.monet.id()),
                      ",\"output_fields\":\"email ,  friendlyname,id\"")));
      JsonNode fields = body.get("objects").get(key(demo.monet)).get("fields");
      assertThat(Json.fieldNames(fields)).containsExactly("email", "friendlyname", "id");
    }

    @ParameterizedTest
    @ValueSource(strings = {"*", "*+"})
    void outputFieldsStarShowsEverything(String spec) {
      JsonNode body =
          answer(
              rest(
                  reader,
                  get(
                      "Person",
                      Long.toString(demo.monet.id()),
                      ",\"output_fields\":\"" + spec + "\"")));
      assertThat(Json.fieldNames(body.get("objects").get(key(demo.monet)).get("fields")))
          .hasSize(8);
    }

    @Test
    void anUnknownOutputFieldIsCode100() {
      assertAnswer(
          rest(reader, get("Person", "1", ",\"output_fields\":\"name, no_such_field\"")),
          100,
          "Error: output_fields: invalid attribute code 'no_such_field'");
      assertAnswer(
          rest(reader, get("Person", "1", ",\"output_fields\":\"name,\"")),
          100,
          "Error: output_fields: invalid attribute code ''");
    }

    @Test
    void aUserAnswersAsItopsUserLocalWithItsContactsFields() {
      long id = administrator.id().value();
      JsonNode body =
          assertAnswer(rest(admin, get("User", "{\"login\":\"root\"}", "")), 0, "Found: 1");
      JsonNode user = body.get("objects").get("UserLocal::" + id);
      assertThat(user.get("class").asText()).isEqualTo("UserLocal");
      assertThat(user.get("key").asText()).isEqualTo(Long.toString(id));
      JsonNode fields = user.get("fields");
      assertThat(Json.fieldNames(fields))
          .containsExactly(
              "contactid",
              "last_name",
              "first_name",
              "email",
              "org_id",
              "login",
              "language",
              "status",
              "profile_list",
              "allowed_org_list",
              "finalclass",
              "friendlyname",
              "contactid_friendlyname",
              "org_id_friendlyname");
      var contact = administrator.contact();
      assertThat(fields.get("contactid").asText()).isEqualTo(Long.toString(contact.id().value()));
      assertThat(fields.get("last_name").asText()).isEqualTo(contact.name());
      assertThat(fields.get("first_name").asText()).isEqualTo(contact.firstName());
      assertThat(fields.get("email").asText()).isEqualTo(contact.email());
      assertThat(fields.get("contactid_friendlyname").asText()).isEqualTo(contact.friendlyName());
      assertThat(fields.get("org_id").asText())
          .isEqualTo(Long.toString(administrator.organization().id().value()));
      assertThat(fields.get("org_id_friendlyname").asText())
          .isEqualTo(administrator.organization().name());
      assertThat(fields.get("login").asText()).isEqualTo("root");
      assertThat(fields.get("friendlyname").asText()).isEqualTo("root");
      assertThat(fields.get("finalclass").asText()).isEqualTo("UserLocal");
      assertThat(fields.get("language").asText()).isEqualTo("EN US");
      assertThat(fields.get("allowed_org_list").isArray()).isTrue();
      assertThat(fields.get("allowed_org_list")).isEmpty();
      JsonNode links = fields.get("profile_list");
      assertThat(links.isArray()).isTrue();
      assertThat(links).hasSize(2);
      JsonNode first = links.get(0);
      assertThat(Json.fieldNames(first))
          .containsExactly(
              "profileid", "profile", "reason", "friendlyname", "profileid_friendlyname");
      assertThat(first.get("profileid").asText()).isEqualTo("1");
      assertThat(first.get("profile").asText()).isEqualTo("Administrator");
      assertThat(first.get("reason").asText()).isEmpty();
      assertThat(first.get("friendlyname").asText())
          .isEqualTo("Link between root and Administrator");
      assertThat(first.get("profileid_friendlyname").asText()).isEqualTo("Administrator");
      assertThat(links.get(1).get("profile").asText()).isEqualTo("REST Services User");

      JsonNode some =
          answer(
              rest(
                  admin,
                  get(
                      "UserLocal",
                      quoted("SELECT UserLocal WHERE login = 'root'"),
                      ",\"output_fields\":\"email, id\"")));
      assertThat(Json.fieldNames(some.get("objects").get("UserLocal::" + id).get("fields")))
          .containsExactly("email", "id");
      assertAnswer(
          rest(admin, get("User", "1", ",\"output_fields\":\"password\"")),
          100,
          "Error: output_fields: invalid attribute code 'password'");
    }

    @Test
    void usersAreReadableByAdministratorsOnly() {
      JsonNode body =
          assertAnswer(rest(admin, get("User", "{\"login\":\"reader\"}", "")), 0, "Found: 1");
      JsonNode user = body.get("objects").elements().next();
      assertThat(user.get("class").asText()).isEqualTo("UserLocal");
      assertThat(user.get("fields").get("profile_list").findValuesAsText("profile"))
          .containsExactly("Directory Reader", "REST Services User");
      assertThat(user.get("fields").get("status").asText()).isEqualTo("enabled");
      Res refused = rest(reader, get("User", "{\"login\":\"reader\"}", ""));
      answer(refused);
      assertThat(refused.body())
          .isEqualTo(
              "{\"objects\":null,\"code\":1,\"message\":\"The current user does not have enough"
                  + " permissions for reading data of class User\"}");
    }
  }

  @Nested
  class Paging {
    static final String ORGANIZATIONS = "\"SELECT Organization\"";

    int organizations() {
      return answer(rest(reader, get("Organization", ORGANIZATIONS, ""))).get("objects").size();
    }

    @Test
    void limitAndPageSelectAPageAndFoundCountsAll() {
      int all = organizations();
      assertThat(all).isGreaterThanOrEqualTo(3);
      JsonNode first =
          answer(
              rest(reader, "1.4", get("Organization", ORGANIZATIONS, ",\"limit\":2,\"page\":1")));
      assertThat(first.get("message").asText()).isEqualTo("Found: " + all);
      assertThat(first.get("objects").size()).isEqualTo(2);
      JsonNode second =
          answer(
              rest(
                  reader,
                  "1.4",
                  get("Organization", ORGANIZATIONS, ",\"limit\":\"2\",\"page\":\"2\"")));
      assertThat(second.get("objects").size()).isEqualTo(Math.min(2, all - 2));
      assertThat(keys(second)).doesNotContainAnyElementsOf(keys(first));
      JsonNode beyond =
          answer(
              rest(reader, "1.4", get("Organization", ORGANIZATIONS, ",\"limit\":2,\"page\":99")));
      assertThat(beyond.get("objects").isNull()).isTrue();
      assertThat(beyond.get("message").asText()).isEqualTo("Found: " + all);
    }

    @Test
    void limitZeroOrAbsentMeansEverything() {
      int all = organizations();
      assertThat(
              answer(
                      rest(
                          reader,
                          "1.4",
                          get("Organization", ORGANIZATIONS, ",\"limit\":0,\"page\":3")))
                  .get("objects")
                  .size())
          .isEqualTo(all);
    }

    @Test
    void before14LimitAndPageAreIgnored() {
      int all = organizations();
      assertThat(
              answer(
                      rest(
                          reader,
                          "1.3",
                          get("Organization", ORGANIZATIONS, ",\"limit\":1,\"page\":-4")))
                  .get("objects")
                  .size())
          .isEqualTo(all);
    }

    @ParameterizedTest
    @ValueSource(
        strings = {"\"page\":0", "\"page\":-1", "\"page\":\"x\"", "\"page\":1.5", "\"page\":true"})
    void anInvalidPageIsCode13(String page) {
      assertAnswer(
          rest(reader, "1.4", get("Organization", ORGANIZATIONS, ",\"limit\":2," + page)),
          13,
          "Error: The request page number is not valid. It must be an integer greater than 0");
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "\"ten\"", "99999999999", "[2]"})
    void anInvalidLimitIsCode13(String limit) {
      assertAnswer(
          rest(reader, "1.4", get("Organization", ORGANIZATIONS, ",\"limit\":" + limit)),
          13,
          "Error: The request limit is not valid. It must be an integer greater than or equal to 0");
    }
  }

  @Nested
  class Create {
    String create(String className, String fields, String more) {
      return "{\"operation\":\"core/create\",\"comment\":\"test\",\"class\":\""
          + className
          + "\",\"fields\":"
          + fields
          + more
          + "}";
    }

    @Test
    void anInactiveOrganization() {
      JsonNode body =
          assertAnswer(
              rest(
                  admin,
                  create(
                      "Organization",
                      "{\"name\":\"Closed Shop\",\"status\":\"inactive\"}",
                      ",\"output_fields\":\"*\"")),
              0,
              null);
      JsonNode created = body.get("objects").elements().next();
      assertThat(Json.fieldNames(created.get("fields")))
          .containsExactly("name", "status", "friendlyname");
      assertThat(created.get("fields").get("status").asText()).isEqualTo("inactive");
    }

    @Test
    void aPersonWithItsOrganizationById() {
      Res response =
          rest(
              manager,
              create(
                  "Person",
                  "{\"first_name\":\"Mary\",\"name\":\"Cassatt\",\"email\":\"mary@scratch.example\",\"org_id\":"
                      + scratch.id().value()
                      + "}",
                  ""));
      JsonNode body = assertAnswer(response, 0, null);
      assertThat(Json.fieldNames(body)).containsExactly("objects", "code", "message");
      JsonNode created = body.get("objects").elements().next();
      assertThat(created.get("message").asText()).isEqualTo("created");
      assertThat(created.get("class").asText()).isEqualTo("Person");
      assertThat(created.get("fields").get("friendlyname").asText()).isEqualTo("Mary Cassatt");
      assertThat(created.get("fields").get("org_name").asText()).isEqualTo("Scratch");
      assertThat(body.get("objects").fieldNames().next())
          .isEqualTo("Person::" + created.get("key").asText());
    }

    @Test
    void anOrganizationGivenAsCriteriaOrOqlAndOutputFields() {
      JsonNode byCriteria =
          answer(
              rest(
                  admin,
                  create(
                      "Person",
                      "{\"first_name\":\"Edgar\",\"name\":\"Degas\",\"email\":\"edgar@scratch.example\","
                          + "\"org_id\":{\"name\":\"Scratch Two\"}}",
                      ",\"output_fields\":\"org_name, friendlyname\"")));
      JsonNode fields = byCriteria.get("objects").elements().next().get("fields");
      assertThat(Json.fieldNames(fields)).containsExactly("org_name", "friendlyname");
      assertThat(fields.get("org_name").asText()).isEqualTo("Scratch Two");
      JsonNode byOql =
          answer(
              rest(
                  admin,
                  create(
                      "Person",
                      "{\"first_name\":\"Paul\",\"name\":\"Cézanne\",\"email\":\"paul@scratch.example\","
                          + "\"org_id\":\"SELECT Organization WHERE name = 'Scratch'\"}",
                      "")));
      assertThat(byOql.get("objects").elements().next().get("fields").get("org_name").asText())
          .isEqualTo("Scratch");
    }

    @Test
    void anOrganization() {
      JsonNode body =
          assertAnswer(rest(admin, create("Organization", "{\"name\":\"Globex\"}", "")), 0, null);
      assertThat(body.get("objects").elements().next().get("fields").get("name").asText())
          .isEqualTo("Globex");
      JsonNode duplicate = answer(rest(admin, create("Organization", "{\"name\":\"Globex\"}", "")));
      assertThat(duplicate.get("code").asInt()).isEqualTo(100);
      assertThat(duplicate.get("message").asText()).startsWith("Error: name");
    }

    @Test
    void aCommentIsRequired() {
      assertAnswer(
          rest(
              admin,
              "{\"operation\":\"core/create\",\"class\":\"Organization\",\"fields\":{\"name\":\"X\"}}"),
          100,
          "Error: Missing parameter 'comment'");
    }

    @Test
    void fieldsAreRequiredAndMustBeAnObject() {
      assertAnswer(
          rest(
              admin,
              "{\"operation\":\"core/create\",\"comment\":\"c\",\"class\":\"Organization\"}"),
          100,
          "Error: Missing parameter 'fields'");
      assertThat(
              answer(rest(admin, create("Organization", "[\"name\"]", ""))).get("message").asText())
          .startsWith("Error: fields must be a JSON object");
    }

    @Test
    void badFieldsAreCode100NamingTheAttribute() {
      assertAnswer(
          rest(admin, create("Organization", "{\"no_such\":\"x\"}", "")),
          100,
          "Error: no_such: Unknown attribute");
      assertAnswer(
          rest(
              admin,
              create(
                  "Person",
                  "{\"first_name\":\"A\",\"name\":\"B\",\"email\":\"a@b.example\",\"org_id\":99999}",
                  "")),
          100,
          "Error: org_id: Invalid object Organization::99999");
      assertAnswer(
          rest(
              admin,
              create(
                  "Person",
                  "{\"first_name\":\"A\",\"name\":\"B\",\"email\":\"a@b.example\",\"org_id\":{\"name\":\"Nope\"}}",
                  "")),
          100,
          "Error: org_id: No item found with criteria: name: Nope (Nope)");
      assertThat(
              answer(rest(admin, create("Person", "{\"first_name\":\"A\"}", "")))
                  .get("message")
                  .asText())
          .startsWith("Error: ");
    }

    @Test
    void aReaderMayNotCreate() {
      Res response = rest(reader, create("Organization", "{\"name\":\"Initech\"}", ""));
      answer(response);
      assertThat(response.body())
          .isEqualTo(
              "{\"objects\":null,\"code\":1,\"message\":\"The current user does not have enough"
                  + " permissions for creating data of class Organization\"}");
    }

    @Test
    void usersAreReadOnly() {
      JsonNode body = answer(rest(admin, create("User", "{\"login\":\"x\"}", "")));
      assertThat(body.get("code").asInt()).isEqualTo(1);
      assertThat(body.get("message").asText())
          .startsWith(
              "The current user does not have enough permissions for creating data of class User");
    }
  }

  @Nested
  class Update {
    String update(String className, String key, String fields) {
      return "{\"operation\":\"core/update\",\"comment\":\"test\",\"class\":\""
          + className
          + "\",\"key\":"
          + key
          + ",\"fields\":"
          + fields
          + "}";
    }

    DirectoryRecord person(String email) {
      return ItopRest.Demo.person(server.tokensmith, "Upd", "Ate", email, null, scratch);
    }

    @Test
    void byIdByAnAdministrator() {
      DirectoryRecord person = person("upd1@scratch.example");
      JsonNode body =
          assertAnswer(
              rest(admin, update("Person", Long.toString(person.id()), "{\"phone\":\"+1 555\"}")),
              0,
              null);
      JsonNode updated = body.get("objects").get(key(person));
      assertThat(updated.get("message").asText()).isEqualTo("updated");
      assertThat(updated.get("fields").get("phone").asText()).isEqualTo("+1 555");
    }

    @Test
    void theStatusBecomesInactiveAndOnlyActiveOrInactiveIsAccepted() {
      DirectoryRecord person = person("upd-status@scratch.example");
      JsonNode body =
          assertAnswer(
              rest(
                  admin,
                  update(
                      "Person",
                      "{\"email\":\"upd-status@scratch.example\"}",
                      "{\"status\":\"inactive\"}")),
              0,
              null);
      assertThat(body.get("objects").get(key(person)).get("fields").get("status").asText())
          .isEqualTo("inactive");
      JsonNode found =
          answer(
              rest(
                  reader,
                  get(
                      "Person",
                      quoted("SELECT Person WHERE status = 'inactive'"),
                      ",\"output_fields\":\"email, status\"")));
      assertThat(keys(found)).containsExactly(key(person));
      JsonNode refused =
          answer(
              rest(
                  admin,
                  update("Person", Long.toString(person.id()), "{\"status\":\"obsolete\"}")));
      assertThat(refused.get("code").asInt()).isEqualTo(100);
      assertThat(refused.get("message").asText())
          .contains("status: 'obsolete' is not a valid value (active or inactive)");
    }

    @Test
    void byCriteriaByADirectoryManager() {
      DirectoryRecord person = person("upd2@scratch.example");
      JsonNode body =
          assertAnswer(
              rest(
                  manager,
                  update(
                      "Person",
                      "{\"email\":\"upd2@scratch.example\"}",
                      "{\"org_id\":{\"name\":\"Scratch Two\"}}")),
              0,
              null);
      assertThat(body.get("objects").get(key(person)).get("fields").get("org_name").asText())
          .isEqualTo("Scratch Two");
    }

    @Test
    void byOql() {
      DirectoryRecord person = person("upd3@scratch.example");
      JsonNode body =
          assertAnswer(
              rest(
                  admin,
                  update(
                      "Person",
                      quoted("SELECT Person WHERE email = 'upd3@scratch.example'"),
                      "{\"name\":\"Renamed\"}")),
              0,
              null);
      assertThat(body.get("objects").get(key(person)).get("fields").get("friendlyname").asText())
          .isEqualTo("Upd Renamed");
    }

    @Test
    void aKeyMustMatchExactlyOneObject() {
      assertAnswer(
          rest(admin, update("Person", "99999", "{\"name\":\"X\"}")),
          100,
          "Error: Invalid object Person::99999");
      assertAnswer(
          rest(admin, update("Person", "{\"email\":\"nobody@demo.com\"}", "{\"name\":\"X\"}")),
          100,
          "Error: No item found with criteria: email: nobody@demo.com (nobody@demo.com)");
      assertAnswer(
          rest(
              admin,
              update(
                  "Person",
                  "{\"org_id\":" + demo.acme.id().value() + ",\"name\":\"Coyote\"}",
                  "{}")),
          0,
          null);
      assertThat(
              answer(
                      rest(
                          admin,
                          update("Person", "{\"org_id\":{\"name\":\"Demo\"}}", "{\"name\":\"X\"}")))
                  .get("message")
                  .asText())
          .matches(
              "Error: Several items found \\(\\d+\\) with criteria: org_id: \\{\"name\":\"Demo\"\\} \\("
                  + demo.demo.id().value()
                  + "\\)");
      assertAnswer(
          rest(
              admin,
              update("Person", quoted("SELECT Person WHERE email = 'none@x.example'"), "{}")),
          100,
          "Error: No item found for query: SELECT Person WHERE email = 'none@x.example'");
      assertThat(
              answer(
                      rest(
                          admin,
                          update(
                              "Person",
                              quoted("SELECT Person WHERE email LIKE '%@demo.com'"),
                              "{}")))
                  .get("message")
                  .asText())
          .matches(
              "Error: Several items found \\(\\d+\\) for query: SELECT Person WHERE email LIKE '%@demo.com'");
    }

    @Test
    void aDirectoryReadersTokenCanReadButNotUpdate() {
      DirectoryRecord person = person("upd4@scratch.example");
      assertAnswer(rest(reader, get("Person", Long.toString(person.id()), "")), 0, "Found: 1");
      Res refused =
          rest(reader, update("Person", Long.toString(person.id()), "{\"name\":\"Hacked\"}"));
      answer(refused);
      assertThat(refused.body())
          .isEqualTo(
              "{\"objects\":null,\"code\":1,\"message\":\"The current user does not have enough"
                  + " permissions for modifying data of class Person\"}");
      assertThat(
              answer(rest(reader, get("Person", Long.toString(person.id()), "")))
                  .get("objects")
                  .get(key(person))
                  .get("fields")
                  .get("name")
                  .asText())
          .isEqualTo("Ate");
    }

    @Test
    void aBadValueIsCode100NamingTheAttribute() {
      DirectoryRecord person = person("upd5@scratch.example");
      assertThat(
              answer(
                      rest(
                          admin,
                          update(
                              "Person",
                              Long.toString(person.id()),
                              "{\"email\":\"not an email\"}")))
                  .get("message")
                  .asText())
          .startsWith("Error: email");
      assertAnswer(
          rest(
              admin,
              update("Person", Long.toString(person.id()), "{\"org_id\":\"SELECT Person\"}")),
          100,
          "Error: org_id: the query must select Organization, not Person");
    }

    @Test
    void commentKeyAndFieldsAreRequired() {
      assertAnswer(
          rest(
              admin,
              "{\"operation\":\"core/update\",\"class\":\"Person\",\"key\":1,\"fields\":{}}"),
          100,
          "Error: Missing parameter 'comment'");
      assertAnswer(
          rest(
              admin,
              "{\"operation\":\"core/update\",\"comment\":\"c\",\"class\":\"Person\",\"fields\":{}}"),
          100,
          "Error: Missing parameter 'key'");
      assertAnswer(
          rest(
              admin,
              "{\"operation\":\"core/update\",\"comment\":\"c\",\"class\":\"Person\",\"key\":1}"),
          100,
          "Error: Missing parameter 'fields'");
    }
  }

  @Nested
  class Delete {
    String delete(String className, String key, boolean simulate) {
      return "{\"operation\":\"core/delete\",\"comment\":\"test\",\"class\":\""
          + className
          + "\",\"key\":"
          + key
          + (simulate ? ",\"simulate\":true" : "")
          + "}";
    }

    @Test
    void simulatingDeletesNothingAndListsIdAndFriendlyName() {
      DirectoryRecord person =
          ItopRest.Demo.person(
              server.tokensmith, "Del", "Simulated", "del1@scratch.example", null, scratch);
      JsonNode body =
          assertAnswer(
              rest(admin, delete("Person", Long.toString(person.id()), true)),
              0,
              "SIMULATING: Deleted: 1");
      JsonNode listed = body.get("objects").get(key(person));
      assertThat(listed.get("code").asInt()).isZero();
      assertThat(Json.fieldNames(listed.get("fields"))).containsExactly("id", "friendlyname");
      assertThat(listed.get("fields").get("friendlyname").asText()).isEqualTo("Del Simulated");
      assertAnswer(rest(admin, get("Person", Long.toString(person.id()), "")), 0, "Found: 1");
    }

    @Test
    void deletingRemovesEveryMatch() {
      DirectoryRecord one =
          ItopRest.Demo.person(server.tokensmith, "Del", "One", "del2@gone.example", null, scratch);
      DirectoryRecord two =
          ItopRest.Demo.person(server.tokensmith, "Del", "Two", "del3@gone.example", null, scratch);
      JsonNode body =
          assertAnswer(
              rest(
                  manager,
                  delete(
                      "Person", quoted("SELECT Person WHERE email LIKE '%@gone.example'"), false)),
              0,
              "Deleted: 2");
      assertThat(keys(body)).containsExactly(key(one), key(two));
      assertAnswer(
          rest(admin, get("Person", quoted("SELECT Person WHERE email LIKE '%@gone.example'"), "")),
          0,
          "Found: 0");
    }

    @Test
    void nothingMatchedDeletesNothing() {
      Res response = rest(admin, delete("Person", "99999", false));
      assertThat(response.body())
          .isEqualTo("{\"objects\":null,\"code\":0,\"message\":\"Deleted: 0\"}");
    }

    @Test
    void objectsInUseStayAndTheAnswerIsUnsafe() {
      server.tokensmith.accounts.addOrganization("Unused Ltd");
      JsonNode body =
          assertAnswer(
              rest(
                  admin,
                  delete(
                      "Organization",
                      quoted("SELECT Organization WHERE name IN ('Demo', 'Unused Ltd')"),
                      false)),
              12,
              "The deletion requires that other objects be deleted/updated, and those operations"
                  + " must be requested explicitely");
      JsonNode kept = body.get("objects").get("Organization::" + demo.demo.id().value());
      assertThat(kept.get("code").asInt()).isEqualTo(12);
      assertThat(kept.get("message").asText()).startsWith("Cannot be deleted: it is used by ");
      List<JsonNode> deleted = new ArrayList<>();
      body.get("objects")
          .forEach(
              object -> {
                if (object.get("code").asInt() == 0) {
                  deleted.add(object);
                }
              });
      assertThat(deleted).hasSize(1);
      assertThat(deleted.get(0).get("fields").get("friendlyname").asText()).isEqualTo("Unused Ltd");
      assertAnswer(rest(admin, get("Organization", "{\"name\":\"Demo\"}", "")), 0, "Found: 1");
    }

    @Test
    void simulatingAnUnsafeDeletionSaysSo() {
      assertAnswer(
          rest(admin, delete("Organization", "{\"name\":\"Acme Corporation\"}", true)),
          12,
          "SIMULATING: The deletion requires that other objects be deleted/updated, and those"
              + " operations must be requested explicitely");
    }

    @Test
    void aReaderMayNotDeleteAndUsersAreReadOnly() {
      Res refused = rest(reader, delete("Person", Long.toString(demo.monet.id()), false));
      answer(refused);
      assertThat(refused.body())
          .isEqualTo(
              "{\"objects\":null,\"code\":1,\"message\":\"The current user does not have enough"
                  + " permissions for deleting data of class Person\"}");
      assertThat(
              answer(rest(admin, delete("User", "{\"login\":\"reader\"}", false)))
                  .get("code")
                  .asInt())
          .isEqualTo(1);
      assertAnswer(rest(admin, get("User", "{\"login\":\"reader\"}", "")), 0, "Found: 1");
    }
  }

  @Nested
  class CheckCredentials {
    String check(String user, String password) {
      return "{\"operation\":\"core/check_credentials\",\"user\":"
          + quoted(user)
          + ",\"password\":"
          + quoted(password)
          + "}";
    }

    @Test
    void theRightPasswordIsAuthorized() {
      Res response = rest(reader, check("manager", "password-of-manager"));
      answer(response);
      assertThat(response.body()).isEqualTo("{\"code\":0,\"message\":null,\"authorized\":true}");
    }

    @Test
    void aWrongPasswordOrUnknownUserIsNot() {
      assertThat(rest(reader, check("manager", "guess")).body())
          .isEqualTo("{\"code\":0,\"message\":null,\"authorized\":false}");
      assertThat(rest(reader, check("nobody", "guess")).body())
          .isEqualTo("{\"code\":0,\"message\":null,\"authorized\":false}");
      assertThat(
              rest(
                      reader,
                      "{\"operation\":\"core/check_credentials\",\"user\":[1],\"password\":{}}")
                  .body())
          .isEqualTo("{\"code\":0,\"message\":null,\"authorized\":false}");
    }

    @Test
    void userAndPasswordAreRequired() {
      assertAnswer(
          rest(reader, "{\"operation\":\"core/check_credentials\",\"password\":\"x\"}"),
          100,
          "Error: Missing parameter 'user'");
      assertAnswer(
          rest(reader, "{\"operation\":\"core/check_credentials\",\"user\":\"x\"}"),
          100,
          "Error: Missing parameter 'password'");
    }
  }
}
