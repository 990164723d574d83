package dev.tokensmith.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokensmith.application.fake.MutableClock;
import dev.tokensmith.bootstrap.TokensmithService;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The iTop data synchronization on the real stack (embedded PostgreSQL, the demo data of a first
 * start), called as Combodo's data collector calls it: form POSTs with {@code login_mode=token} and
 * {@code auth_token} in the body; the data source through {@code rest.php}, the CSV through {@code
 * synchro_import.php}, the run through {@code synchro_exec.php}; the clock moved between loads.
 */
class ItopSynchroIT {
  private static final String ADMIN_PASSWORD = "an admin password for synchro tests";
  private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-06-01T08:00:00Z"));
  private static final String HEADER = "primary_key;first_name;name;email;phone;org_id\n";

  private static Path dataDir;
  private static TokensmithService service;
  private static Http http;
  private static String[] admin;
  private static String collector;

  @BeforeAll
  static void start() throws IOException {
    dataDir = Files.createTempDirectory("tokensmith-synchro-e2e");
    service = InJvmService.start(dataDir, ADMIN_PASSWORD, CLOCK);
    http = new Http(service.port());
    admin = http.signIn("admin", ADMIN_PASSWORD);
    collector = token("collector", "\"rest\",\"synchro\"");
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

  private static String createToken(String application, String scopes) {
    return http.createToken(admin, application, scopes);
  }

  private static String enc(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  /** A form POST as the collector's {@code Utils::DoPostRequest} sends it. */
  private static HttpResponse<String> post(String pathAndQuery, String form) {
    HttpRequest request =
        http.request(pathAndQuery)
            .timeout(Duration.ofSeconds(120))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private static String rest(String token, String json) {
    return post(
            "/webservices/rest.php?login_mode=token&version=1.0",
            "auth_token=" + enc(token) + "&json_data=" + enc(json))
        .body();
  }

  private static HttpResponse<String> load(String token, String form) {
    return post(
        "/synchro/synchro_import.php?login_mode=token", "auth_token=" + enc(token) + "&" + form);
  }

  /** The load the collector makes: no synchro, go on past row errors, retcode. */
  private static String collectorLoad(long source, String csv) {
    return load(
            collector,
            "separator=%3B&data_source_id="
                + source
                + "&synchronize=0&no_stop_on_import_error=1&output=retcode&charset=UTF-8"
                + "&date_format="
                + enc("Y-m-d H:i:s")
                + "&csvdata="
                + enc(csv))
        .body();
  }

  private static String exec(String token, String sources) {
    return post(
            "/synchro/synchro_exec.php?login_mode=token",
            "auth_token=" + enc(token) + "&data_sources=" + enc(sources))
        .body();
  }

  private static long persons(String domain) {
    String found =
        rest(
            collector,
            "{\"operation\":\"core/get\",\"class\":\"Person\",\"key\":\"SELECT Person WHERE email"
                + " LIKE '%@"
                + domain
                + "'\",\"output_fields\":\"email\"}");
    Matcher count = Pattern.compile("\"message\":\"Found: (\\d+)\"").matcher(found);
    assertThat(count.find()).as(found).isTrue();
    return Long.parseLong(count.group(1));
  }

  /** How many replicas of {@code source} are in {@code status}, read as SynchroReplica. */
  private static long replicas(long source, String status) {
    String found =
        rest(
            collector,
            "{\"operation\":\"core/get\",\"class\":\"SynchroReplica\",\"key\":\"SELECT"
                + " SynchroReplica WHERE sync_source_id = "
                + source
                + " AND status = '"
                + status
                + "'\",\"output_fields\":\"status\"}");
    Matcher count = Pattern.compile("\"message\":\"Found: (\\d+)\"").matcher(found);
    assertThat(count.find()).as(found).isTrue();
    return Long.parseLong(count.group(1));
  }

  private static long key(String json) {
    Matcher key = Pattern.compile("\"key\":\"(\\d+)\"").matcher(json);
    assertThat(key.find()).as(json).isTrue();
    return Long.parseLong(key.group(1));
  }

  private static String csv(String domain, String... people) {
    StringBuilder csv = new StringBuilder(HEADER);
    for (String person : people) {
      csv.append(person)
          .append(";Zoé;Brontë-")
          .append(person)
          .append(";")
          .append(person)
          .append("@")
          .append(domain)
          .append(";<NULL>;Demo\n");
    }
    return csv.toString();
  }

  /** The data source the collector defines, as its JSON template reads once filled in. */
  private static String definition(String name, String policy) {
    String update = policy.equals("update_then_delete") ? "status:inactive" : "";
    String retention = policy.equals("update_then_delete") ? "86400" : "0";
    return "{\"name\":\""
        + name
        + "\",\"description\":\"Synchronization of persons from CSV\",\"status\":\"production\","
        + "\"user_id\":\"0\",\"notify_contact_id\":\"0\",\"scope_class\":\"Person\","
        + "\"database_table_name\":\"\",\"scope_restriction\":\"\",\"full_load_periodicity\":\"3600\","
        + "\"reconciliation_policy\":\"use_attributes\",\"action_on_zero\":\"create\","
        + "\"action_on_one\":\"update\",\"action_on_multiple\":\"error\",\"delete_policy\":\""
        + policy
        + "\",\"delete_policy_update\":\""
        + update
        + "\",\"delete_policy_retention\":\""
        + retention
        + "\",\"user_delete_policy\":\"nobody\",\"url_icon\":\"\",\"url_application\":\"\"}";
  }

  /** Steps 1 to 3 of the collector: look the source up by name, create it, set its attributes. */
  private static long defineSource(String name, String policy) {
    String listed = rest(collector, "{\"operation\":\"list_operations\"}");
    assertThat(listed).contains("\"code\":0");
    String missing =
        rest(
            collector,
            "{\"operation\":\"core/get\",\"class\":\"SynchroDataSource\",\"key\":{\"name\":\""
                + name
                + "\"}}");
    assertThat(missing).contains("\"objects\":null").contains("\"message\":\"Found: 0\"");
    String created =
        rest(
            collector,
            "{\"operation\":\"core/create\",\"class\":\"SynchroDataSource\",\"comment\":\"collector\","
                + "\"fields\":"
                + definition(name, policy)
                + "}");
    assertThat(created)
        .as(created)
        .contains("\"message\":\"created\"")
        .contains("\"attcode\":\"org_id\"")
        .contains("\"finalclass\":\"SynchroAttExtKey\"");
    long id = key(created);
    String attributes =
        rest(
            collector,
            "{\"operation\":\"core/get\",\"class\":\"SynchroAttribute\",\"key\":\"SELECT"
                + " SynchroAttribute WHERE attcode IN ('email','first_name','name','phone') AND"
                + " sync_source_id = "
                + id
                + "\"}");
    assertThat(attributes).as(attributes).contains("\"message\":\"Found: 4\"");
    for (String attcode : new String[] {"first_name", "name", "phone"}) {
      String updated =
          rest(
              collector,
              "{\"operation\":\"core/update\",\"class\":\"SynchroAttribute\",\"comment\":\"c\","
                  + "\"key\":{\"sync_source_id\":"
                  + id
                  + ",\"attcode\":\""
                  + attcode
                  + "\"},\"fields\":{\"attcode\":\""
                  + attcode
                  + "\",\"update\":\"1\",\"reconcile\":\"0\",\"update_policy\":\"master_locked\"}}");
      assertThat(updated).as(updated).contains("\"message\":\"updated\"");
    }
    String orgKey =
        rest(
            collector,
            "{\"operation\":\"core/update\",\"class\":\"SynchroAttExtKey\",\"comment\":\"c\",\"key\":{"
                + "\"sync_source_id\":"
                + id
                + ",\"attcode\":\"org_id\"},\"fields\":{\"update\":\"1\",\"reconcile\":\"0\","
                + "\"update_policy\":\"master_locked\",\"reconciliation_attcode\":\"name\"}}");
    assertThat(orgKey).as(orgKey).contains("\"reconciliation_attcode\":\"name\"");
    String found =
        rest(
            collector,
            "{\"operation\":\"core/get\",\"class\":\"SynchroDataSource\",\"key\":{\"name\":\""
                + name
                + "\"}}");
    assertThat(found)
        .contains("\"message\":\"Found: 1\"")
        .contains("\"delete_policy\":\"" + policy + "\"")
        .contains("\"full_load_periodicity\":\"3600\"")
        .contains(
            "{\"attcode\":\"email\",\"update\":\"1\",\"reconcile\":\"1\","
                + "\"update_policy\":\"master_locked\",\"finalclass\":\"SynchroAttribute\","
                + "\"friendlyname\":\"email\"}")
        .doesNotContain("\"id\":");
    return id;
  }

  @ParameterizedTest
  @ValueSource(strings = {"ignore", "delete", "update_then_delete"})
  void theCollectorsWholeRunCreatesThenAppliesTheDeletePolicyToTheRowALoadMisses(String policy) {
    String domain = policy.replace('_', '-') + ".example";
    long source = defineSource("Synchro CSV Person " + policy, policy);

    assertThat(collectorLoad(source, csv(domain, "p1", "p2", "p3"))).isEqualTo("0");
    String first = exec(collector, Long.toString(source));
    assertThat(first)
        .contains("<p>Working on Synchro CSV Person " + policy + " (id=" + source + ")...</p>")
        .contains("<p>Replicas: 3</p>")
        .contains("<p>Objects created: 3 (0 warnings)</p>")
        .contains("<p>Objects reconciliation errors: 0</p>")
        .doesNotContain("ERROR")
        .doesNotContain("loginop");
    assertThat(persons(domain)).isEqualTo(3);
    assertThat(replicas(source, "synchronized")).isEqualTo(3);

    // the same load again changes nothing
    assertThat(collectorLoad(source, csv(domain, "p1", "p2", "p3"))).isEqualTo("0");
    assertThat(exec(collector, Long.toString(source)))
        .contains("<p>Objects created: 0 (0 warnings)</p>")
        .contains("<p>Objects updated: 0 (0 warnings)</p>");

    // a full load later, p3 is missing and p2 changed
    CLOCK.advance(Duration.ofHours(2));
    String second =
        load(
                collector,
                "data_source_id="
                    + source
                    + "&synchronize=0&csvdata="
                    + enc(csv(domain, "p1", "p2").replace("Brontë-p2", "Brontë-p2-renamed")))
            .body();
    assertThat(second)
        .contains("#Data Source: " + source + "<br/>\n")
        .contains("#Synchronize: 0<br/>\n")
        .contains("#Class: Person<br/>\n")
        .contains("#Separator: ;<br/>\n")
        .contains("#Charset Encoding:UTF-8<br/>\n")
        .contains("#Data Lines: 2<br/>\n")
        .contains("#Columns: primary_key, first_name, name, email, phone, org_id<br/>\n")
        .contains("#Issues (before synchro): 0<br/>\n")
        .contains("#Created (before synchro): 0<br/>\n")
        .contains("#Updated (before synchro): 2<br/>\n");
    assertThat(replicas(source, "modified")).isEqualTo(1);
    assertThat(replicas(source, "synchronized")).isEqualTo(2);
    String run = exec(collector, Long.toString(source));
    assertThat(run).contains("<p>Objects updated: 1 (0 warnings)</p>");
    switch (policy) {
      case "ignore":
        assertThat(run)
            .contains("<p>Objects deleted: 0</p>")
            .contains("<p>Objects obsoleted: 0</p>");
        assertThat(persons(domain)).isEqualTo(3);
        break;
      case "delete":
        assertThat(run).contains("<p>Objects deleted: 1</p>");
        assertThat(persons(domain)).isEqualTo(2);
        assertThat(replicas(source, "synchronized")).isEqualTo(2);
        break;
      default:
        assertThat(run)
            .contains("<p>Objects obsoleted: 1</p>")
            .contains("<p>Objects deleted: 0</p>");
        assertThat(persons(domain)).isEqualTo(3);
        assertThat(
                rest(
                    collector,
                    "{\"operation\":\"core/get\",\"class\":\"Person\",\"key\":{\"email\":\"p3@"
                        + domain
                        + "\"},\"output_fields\":\"status\"}"))
            .contains("\"status\":\"inactive\"");
        // the persons the load still lists stay active
        assertThat(
                rest(
                    collector,
                    "{\"operation\":\"core/get\",\"class\":\"Person\",\"key\":{\"email\":\"p1@"
                        + domain
                        + "\"},\"output_fields\":\"status\"}"))
            .contains("\"status\":\"active\"");
        // within the retention the object stays; once it has passed, it goes
        CLOCK.advance(Duration.ofHours(2));
        assertThat(collectorLoad(source, csv(domain, "p1", "p2"))).isEqualTo("0");
        assertThat(exec(collector, Long.toString(source))).contains("<p>Objects deleted: 0</p>");
        assertThat(persons(domain)).isEqualTo(3);
        CLOCK.advance(Duration.ofDays(2));
        assertThat(collectorLoad(source, csv(domain, "p1", "p2"))).isEqualTo("0");
        assertThat(exec(collector, Long.toString(source))).contains("<p>Objects deleted: 1</p>");
        assertThat(persons(domain)).isEqualTo(2);
        assertThat(replicas(source, "obsolete")).isZero();
        break;
    }
  }

  @Test
  void aLoadWithSynchronizeRunsTheSynchroAndSimulateChangesNothing() {
    String domain = "load-and-sync.example";
    long source = defineSource("Load and synchronize", "delete");
    String csv = csv(domain, "a1", "a2");

    String simulated =
        load(collector, "data_source_id=" + source + "&simulate=1&csvdata=" + enc(csv)).body();
    assertThat(simulated)
        .contains("#Simulate: 1<br/>\n")
        .contains("#Synchronize: 1<br/>\n")
        .contains("#Objects created: 2 (0 warnings)<br/>\n");
    assertThat(persons(domain)).isZero();

    String details =
        load(collector, "data_source_id=" + source + "&output=details&csvdata=" + enc(csv)).body();
    assertThat(details)
        .contains("# Import phase<br/>\n")
        .contains("0: New entry, reconciliation: '`primary_key` = 'a1''\n")
        .contains("# Synchronization phase summary<br/>\n")
        .contains("#Replicas: 2<br/>\n")
        .contains("#Objects created: 2 (0 warnings)<br/>\n");
    assertThat(persons(domain)).isEqualTo(2);

    String retcode =
        load(collector, "data_source_id=" + source + "&output=retcode&csvdata=" + enc(csv)).body();
    assertThat(retcode).contains("#Objects created: 0 (0 warnings)<br/>\n").endsWith("\n0");
  }

  @Test
  void badInputIsOneClearLineAndNothingIsLoaded() {
    long source = defineSource("Bad input", "ignore");
    String good = csv("bad-input.example", "b1", "b2");
    String base = "data_source_id=" + source + "&synchronize=0&csvdata=";

    assertThat(load(collector, base + enc(good.replace("b2;Zoé", "b2;\"Zoé"))).body())
        .startsWith("#")
        .contains("nothing was loaded");
    assertThat(load(collector, base + enc(good + "b3;Zoé;only three\n")).body())
        .isEqualTo(
            "#Wrong number of columns on line 4: found 3, the header has 6; nothing was loaded<br/>\n");
    assertThat(load(collector, base + enc(good.replace("phone", "mobile_phone"))).body())
        .isEqualTo("#Unknown column 'mobile_phone' (class: 'Person')<br/>\n");
    assertThat(load(collector, base + enc(good.replace("primary_key;", "pk;"))).body())
        .isEqualTo("#Unknown column 'pk' (class: 'Person')<br/>\n");
    String keyless = "first_name;name;email\nZoé;Brontë;b1@bad-input.example\n";
    assertThat(load(collector, base + enc(keyless)).body())
        .isEqualTo("#Missing reconciliation column 'primary_key'<br/>\n");
    String huge = good + "b9;Zoé;" + "x".repeat(10 * 1024 * 1024) + ";b9@bad-input.example;;Demo\n";
    assertThat(load(collector, base + enc(huge)).body())
        .startsWith("#Row 2, column 'name': a cell of 10485760 characters is over the limit")
        .endsWith("nothing was loaded<br/>\n");
    assertThat(load(collector, base + "a%00b%01%02").body())
        .startsWith("#The data is binary, not CSV text (a NUL byte at offset 1)");
    assertThat(load(collector, base + "%E9t%E9").body())
        .startsWith("#The data is not valid UTF-8 text");
    assertThat(load(collector, "charset=NO-SUCH-CHARSET&" + base + enc(good)).body())
        .startsWith("#Unknown charset: 'NO-SUCH-CHARSET'");
    assertThat(load(collector, "separator=%3B%3B&" + base + enc(good)).body())
        .isEqualTo("#Separator is limited to one character, found ';;'<br/>\n");
    assertThat(load(collector, "output=json&" + base + enc(good)).body())
        .isEqualTo("#Unknown output format: 'json'<br/>\n");
    assertThat(
            load(collector, "max_chunk_size=10&data_source_id=" + source + "&csvdata=" + enc(good))
                .body())
        .startsWith("#The synchronization can be executed in chunks only if run in mode CLI");
    assertThat(load(collector, "data_source_id=999999&csvdata=" + enc(good)).body())
        .isEqualTo("#Unknown data source id: '999999'<br/>\n");
    assertThat(load(collector, "csvdata=" + enc(good)).body())
        .startsWith("<p>ERROR: Missing argument 'data_source_id'\n</p><p>USAGE:");
    assertThat(load(collector, "data_source_id=" + source).body())
        .startsWith("<p>ERROR: Missing argument 'csvdata'");
    // a row without a primary key stops the load, unless asked to go on
    String noKey = good + "<NULL>;Zoé;Keyless;k@bad-input.example;;Demo\n";
    assertThat(load(collector, base + enc(noKey)).body())
        .startsWith("#2: Import error 'primary_key: a value is required'")
        .contains("nothing was loaded");

    // none of the above loaded anything: the good load creates both replicas
    String loaded = load(collector, base + enc(good)).body();
    assertThat(loaded).contains("#Created (before synchro): 2<br/>\n");
    String goingOn =
        load(collector, "no_stop_on_import_error=1&output=retcode&" + base + enc(noKey)).body();
    assertThat(goingOn)
        .isEqualTo("2: Import error 'primary_key: a value is required' (continuing)...\n1");
  }

  @Test
  void synchroExecAnswersItsParameterErrorsAsITopDoes() {
    assertThat(exec(collector, "")).contains("<p>ERROR: Missing argument 'data_sources'\n</p>");
    assertThat(exec(collector, "424242"))
        .contains("<p>ERROR: The data source (id=424242) does not exist. Exiting...</p>");
    long source = defineSource("Exec errors", "ignore");
    String chunked =
        post(
                "/synchro/synchro_exec.php?login_mode=token",
                "auth_token=" + enc(collector) + "&max_chunk_size=5&data_sources=" + source)
            .body();
    assertThat(chunked)
        .contains(
            "<p>ERROR: The synchronization can be executed in chunks only if run in mode CLI</p>");
    String simulated =
        post(
                "/synchro/synchro_exec.php",
                "auth_token=" + enc(collector) + "&simulate=1&data_sources=" + source)
            .body();
    assertThat(simulated).contains("<p>Replicas: 0</p>");
  }

  @Test
  void eachOtherScopeIsRefusedByBothSynchroEndpoints() {
    for (String scope : new String[] {"rest", "import", "export"}) {
      String created = createToken("only " + scope, "\"" + scope + "\"");
      String other = Http.field(created, "secret");
      HttpResponse<String> load = load(other, "data_source_id=1&csvdata=primary_key%0Ax%0A");
      assertThat(load.body()).isEqualTo("<p>Invalid login</p>");
      assertThat(load.headers().firstValue("X-Tokensmith-Auth-Failure"))
          .hasValue("scope_not_granted");
      HttpResponse<String> exec =
          post(
              "/synchro/synchro_exec.php?login_mode=token",
              "auth_token=" + enc(other) + "&data_sources=1");
      assertThat(exec.body()).contains("<p>Invalid login</p>").doesNotContain("Replicas");
      assertThat(exec.headers().firstValue("X-Tokensmith-Auth-Failure"))
          .hasValue("scope_not_granted");
      // both refusals are in the token's failure log, and neither counted a use
      String details =
          http.send("GET", "/api/v1/me/tokens/" + Http.field(created, "id"), null, admin).body();
      assertThat(details)
          .contains("\"useCount\":0")
          .contains("POST /synchro/synchro_import.php")
          .contains("POST /synchro/synchro_exec.php")
          .contains("scope_not_granted");
    }
    String created = createToken("synchro only", "\"synchro\"");
    assertThat(exec(Http.field(created, "secret"), "424242")).contains("does not exist");
    assertThat(
            http.send("GET", "/api/v1/me/tokens/" + Http.field(created, "id"), null, admin).body())
        .contains("\"useCount\":1");
  }

  /** The logs of {@code source}'s runs, as rest.php answers {@code SynchroLog}. */
  private static String logs(long source, String where) {
    return rest(
        collector,
        "{\"operation\":\"core/get\",\"class\":\"SynchroLog\",\"key\":\"SELECT SynchroLog"
            + " WHERE sync_source_id = "
            + source
            + where
            + "\",\"output_fields\":\"status,start_date,end_date,stats_nb_replica_total,"
            + "stats_nb_obj_created,stats_nb_obj_deleted,last_error\"}");
  }

  @Test
  void eachRunLeavesASynchroLogReadThroughRestAndARunStoppedByAnErrorSaysItTwice() {
    String domain = "logged-runs.example";
    long source = defineSource("Logged runs", "delete");
    String[] people = new String[11];
    for (int i = 0; i < people.length; i++) {
      people[i] = "l" + i;
    }
    assertThat(collectorLoad(source, csv(domain, people))).isEqualTo("0");
    assertThat(logs(source, "")).contains("\"message\":\"Found: 0\"");

    // a simulation leaves no log; a run leaves one, completed, with its counters and dates
    assertThat(
            post(
                    "/synchro/synchro_exec.php",
                    "auth_token=" + enc(collector) + "&simulate=1&data_sources=" + source)
                .body())
        .contains("<p>Objects created: 11 (0 warnings)</p>");
    assertThat(logs(source, "")).contains("\"message\":\"Found: 0\"");
    assertThat(exec(collector, Long.toString(source)))
        .contains("<p>Objects created: 11 (0 warnings)</p>")
        .doesNotContain("ERROR");
    String completed = logs(source, " AND status = 'completed'");
    assertThat(completed)
        .contains("\"message\":\"Found: 1\"")
        .contains("\"class\":\"SynchroLog\"")
        .contains("\"status\":\"completed\"")
        .contains("\"start_date\":\"2026-")
        .contains("\"stats_nb_replica_total\":\"11\"")
        .contains("\"stats_nb_obj_created\":\"11\"")
        .contains("\"last_error\":\"\"")
        .doesNotContain("\"end_date\":\"\"");

    // a load with synchronize=1 logs its run too
    assertThat(
            load(collector, "data_source_id=" + source + "&csvdata=" + enc(csv(domain, people)))
                .body())
        .contains("#Objects created: 0 (0 warnings)<br/>\n");
    assertThat(logs(source, " AND status = 'completed'")).contains("\"message\":\"Found: 2\"");

    // every replica unseen for longer than the full-load interval: the run stops, in error
    CLOCK.advance(Duration.ofHours(2));
    String stopped = exec(collector, Long.toString(source));
    assertThat(stopped)
        .contains("<p>ERROR: All records have been untouched for some time")
        .contains("<p>Objects deleted: 0</p>");
    assertThat(persons(domain)).isEqualTo(11);
    String error = logs(source, " AND status = 'error'");
    assertThat(error)
        .contains("\"message\":\"Found: 1\"")
        .contains("\"last_error\":\"All records have been untouched for some time");
    assertThat(logs(source, "")).contains("\"message\":\"Found: 3\"");

    // the logs are read only
    assertThat(
            rest(
                collector,
                "{\"operation\":\"core/create\",\"class\":\"SynchroLog\",\"comment\":\"c\","
                    + "\"fields\":{\"sync_source_id\":"
                    + source
                    + "}}"))
        .contains("core\\/create is not available for class SynchroLog (read only: core\\/get)");
  }

  @Test
  void deletingADataSourceTakesItsReplicasAndLogsAndLeavesTheObjectsItCreated() {
    String domain = "deleted-source.example";
    long source = defineSource("Deleted source", "delete");
    assertThat(
            load(collector, "data_source_id=" + source + "&csvdata=" + enc(csv(domain, "d1", "d2")))
                .body())
        .contains("#Objects created: 2 (0 warnings)<br/>\n");
    assertThat(persons(domain)).isEqualTo(2);
    assertThat(replicas(source, "synchronized")).isEqualTo(2);
    assertThat(logs(source, "")).contains("\"message\":\"Found: 1\"");

    String deleted =
        rest(
            collector,
            "{\"operation\":\"core/delete\",\"class\":\"SynchroDataSource\",\"comment\":\"gone\","
                + "\"key\":{\"name\":\"Deleted source\"}}");
    assertThat(deleted)
        .contains("\"message\":\"Deleted: 1\"")
        .contains("\"SynchroDataSource::" + source + "\"");
    assertThat(
            rest(
                collector,
                "{\"operation\":\"core/get\",\"class\":\"SynchroDataSource\",\"key\":"
                    + source
                    + "}"))
        .contains("\"message\":\"Found: 0\"");
    assertThat(replicas(source, "synchronized")).isZero();
    assertThat(logs(source, "")).contains("\"message\":\"Found: 0\"");
    assertThat(exec(collector, Long.toString(source)))
        .contains("<p>ERROR: The data source (id=" + source + ") does not exist. Exiting...</p>");
    // the persons it created stay, as in iTop
    assertThat(persons(domain)).isEqualTo(2);
  }
}
