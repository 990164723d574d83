package dev.tokensmith.adapter.itop;

import static dev.tokensmith.adapter.itop.ItopRest.call;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tokensmith.adapter.http.ApiServer;
import dev.tokensmith.domain.account.Profile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code SynchroDataSource} and its attributes through {@code rest.php}: the keys a collector sends
 * (an id, criteria, its OQL), {@code output_fields}, and every refusal as iTop's code and message.
 */
class ItopSynchroRestTest {
  static ApiServer server;
  static String admin;
  static String manager;

  @BeforeAll
  static void start() {
    server = ItopRest.server();
    admin = server.token(server.administrator("root"), "rest", "synchro");
    manager =
        server.token(
            server.user("manager", Profile.REST_SERVICES_USER, Profile.DIRECTORY_MANAGER),
            "rest",
            "synchro");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static String rest(String token, String json) {
    return server.post(call("1.3", json)).authToken(token).send().body();
  }

  static String create(String token, String name, String more) {
    return rest(
        token,
        "{\"operation\":\"core/create\",\"class\":\"SynchroDataSource\",\"comment\":\"c\","
            + "\"fields\":{\"name\":\""
            + name
            + "\",\"scope_class\":\"Person\""
            + more
            + "}}");
  }

  static long key(String json) {
    java.util.regex.Matcher key =
        java.util.regex.Pattern.compile("\"key\":\"(\\d+)\"").matcher(json);
    assertThat(key.find()).as(json).isTrue();
    return Long.parseLong(key.group(1));
  }

  @Test
  void aDataSourceIsFoundByIdCriteriaAndOqlAndShowsTheFieldsAsked() {
    long id = key(create(admin, "By keys", ",\"full_load_periodicity\":86400"));
    String byId =
        rest(
            admin,
            "{\"operation\":\"core/get\",\"class\":\"SynchroDataSource\",\"key\":"
                + id
                + ",\"output_fields\":\"name, full_load_periodicity\"}");
    assertThat(byId)
        .isEqualTo(
            "{\"objects\":{\"SynchroDataSource::"
                + id
                + "\":{\"code\":0,\"message\":\"\",\"class\":\"SynchroDataSource\",\"key\":\""
                + id
                + "\",\"fields\":{\"name\":\"By keys\",\"full_load_periodicity\":\"86400\"}}},"
                + "\"code\":0,\"message\":\"Found: 1\"}");
    assertThat(
            rest(
                admin,
                "{\"operation\":\"core/get\",\"class\":\"SynchroDataSource\",\"key\":\"SELECT"
                    + " SynchroDataSource WHERE name = 'By keys'\"}"))
        .contains("\"message\":\"Found: 1\"")
        .contains("\"reconciliation_policy\":\"use_attributes\"");
    assertThat(
            rest(
                admin,
                "{\"operation\":\"core/get\",\"class\":\"SynchroAttExtKey\",\"key\":\"SELECT"
                    + " SynchroAttExtKey WHERE attcode IN ('org_id') AND sync_source_id = "
                    + id
                    + "\"}"))
        .contains("\"message\":\"Found: 1\"")
        .contains("\"reconciliation_attcode\":\"\"")
        .contains("\"sync_source_name\":\"By keys\"");
    String updated =
        rest(
            admin,
            "{\"operation\":\"core/update\",\"class\":\"SynchroDataSource\",\"comment\":\"c\","
                + "\"key\":{\"name\":\"By keys\"},\"fields\":{\"delete_policy\":\"update\","
                + "\"delete_policy_update\":\"phone:gone\"},\"output_fields\":\"delete_policy\"}");
    assertThat(updated)
        .isEqualTo(
            "{\"objects\":{\"SynchroDataSource::"
                + id
                + "\":{\"code\":0,\"message\":\"updated\",\"class\":\"SynchroDataSource\",\"key\":\""
                + id
                + "\",\"fields\":{\"delete_policy\":\"update\"}}},\"code\":0,\"message\":null}");
  }

  @Test
  void refusalsAreItopsCodesAndSentences() {
    assertThat(create(manager, "Not mine", ""))
        .contains("\"code\":1")
        .contains(
            "The current user does not have enough permissions for creating data of class"
                + " SynchroDataSource");
    assertThat(create(admin, "Bad", ",\"colour\":\"red\""))
        .isEqualTo("{\"code\":100,\"message\":\"Error: colour: Unknown attribute\"}");
    assertThat(create(admin, "Bad", ",\"delete_policy\":\"update_then_delete\""))
        .contains("\"code\":100")
        .contains("update_then_delete needs a delete_policy_retention");
    assertThat(create(admin, "Bad", ",\"full_load_periodicity\":\"weekly\""))
        .contains("full_load_periodicity: 'weekly' is not a whole number");
    assertThat(
            rest(
                admin, "{\"operation\":\"core/delete\",\"class\":\"SynchroDataSource\",\"key\":1}"))
        .isEqualTo("{\"code\":100,\"message\":\"Error: Missing parameter 'comment'\"}");
    assertThat(
            rest(
                admin,
                "{\"operation\":\"core/get\",\"class\":\"SynchroDataSource\",\"key\":\"SELECT"
                    + " SynchroDataSource WHERE name LIKE 'x%'\"}"))
        .contains("\"code\":100")
        .contains("Query failed to execute");
    assertThat(
            rest(
                admin,
                "{\"operation\":\"core/update\",\"class\":\"SynchroAttribute\",\"comment\":\"c\","
                    + "\"key\":{\"sync_source_id\":424242,\"attcode\":\"email\"},"
                    + "\"fields\":{\"update\":\"1\"}}"))
        .contains(
            "Error: No item found with criteria: sync_source_id: 424242 (424242), attcode: email"
                + " (email)");
    // a user who is not the source's sees none of it
    create(admin, "Hidden", "");
    assertThat(
            rest(
                manager,
                "{\"operation\":\"core/get\",\"class\":\"SynchroDataSource\",\"key\":{\"name\":"
                    + "\"Hidden\"}}"))
        .contains("\"objects\":null")
        .contains("Found: 0");
  }

  @Test
  void theSynchroPagesTakeTheTokenInTheHeaderTheQueryOrTheBody() {
    long id = key(create(admin, "Token ways", ""));
    String exec = ItopSynchroExecController.PATH;
    assertThat(server.post(exec).authToken(admin).form("data_sources=" + id).send().body())
        .contains("<p>Working on Token ways (id=" + id + ")...</p>")
        .contains("<p>Replicas: 0</p>");
    assertThat(
            server
                .get(
                    exec
                        + "?login_mode=token&data_sources="
                        + id
                        + "&auth_token="
                        + ItopRest.enc(admin))
                .send()
                .body())
        .contains("<p>Replicas: 0</p>");
    assertThat(
            server
                .post(ItopSynchroImportController.PATH + "?login_mode=token")
                .form(
                    "auth_token="
                        + ItopRest.enc(admin)
                        + "&synchronize=0&data_source_id="
                        + id
                        + "&csvdata="
                        + ItopRest.enc("primary_key;name\nk1;Lovelace\n"))
                .send()
                .body())
        .contains("#Created (before synchro): 1<br/>\n");
    assertThat(
            rest(
                admin,
                "{\"operation\":\"core/get\",\"class\":\"SynchroReplica\",\"key\":\"SELECT"
                    + " SynchroReplica WHERE sync_source_id = "
                    + id
                    + " AND status = 'new'\"}"))
        .contains("\"message\":\"Found: 1\"")
        .contains("\"primary_key\":\"k1\"")
        .contains("\"dest_id\":\"0\"");
    ApiServer.Res none = server.post(exec + "?login_mode=token").form("data_sources=" + id).send();
    assertThat(none.body()).contains("<p>Invalid login</p>").doesNotContain("Replicas");
    assertThat(none.headers().firstValue("X-Tokensmith-Auth-Failure")).isPresent();
  }

  @Test
  void onlyAnAdministratorDeletesADataSourceAndASimulationDeletesNothing() {
    long id = key(create(admin, "To delete", ""));
    String delete =
        "{\"operation\":\"core/delete\",\"class\":\"SynchroDataSource\",\"comment\":\"c\","
            + "\"key\":"
            + id;
    assertThat(rest(manager, delete + "}"))
        .contains("\"code\":1,")
        .contains(
            "The current user does not have enough permissions for deleting data of class"
                + " SynchroDataSource");
    assertThat(rest(admin, delete + ",\"simulate\":true}"))
        .contains("\"message\":\"SIMULATING: Deleted: 1\"")
        .contains("\"SynchroDataSource::" + id + "\"");
    String get = "{\"operation\":\"core/get\",\"class\":\"SynchroDataSource\",\"key\":" + id + "}";
    assertThat(rest(admin, get)).contains("\"message\":\"Found: 1\"");
    assertThat(rest(admin, delete + "}"))
        .contains("\"code\":0,")
        .contains("\"message\":\"Deleted: 1\"")
        .contains("\"name\":\"To delete\"");
    assertThat(rest(admin, get)).contains("\"message\":\"Found: 0\"");
    assertThat(rest(admin, delete + "}")).contains("Invalid object SynchroDataSource::" + id);
    assertThat(
            rest(
                admin,
                "{\"operation\":\"core/delete\",\"class\":\"SynchroAttribute\",\"comment\":\"c\","
                    + "\"key\":1}"))
        .contains("core\\/delete is not available for class SynchroAttribute");
  }
}
