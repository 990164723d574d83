package dev.tokensmith.adapter.itop;

import static dev.tokensmith.adapter.itop.ItopRest.enc;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tokensmith.adapter.http.ApiServer;
import dev.tokensmith.adapter.http.ApiServer.Res;
import dev.tokensmith.application.port.in.IssuedToken;
import dev.tokensmith.domain.account.Organization;
import dev.tokensmith.domain.account.Profile;
import dev.tokensmith.domain.account.User;
import dev.tokensmith.domain.directory.DirectoryClass;
import dev.tokensmith.domain.directory.DirectoryRecord;
import dev.tokensmith.domain.directory.ObjectQuery;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code webservices/import.php} through HTTP: the summary, details and retcode outputs, external
 * keys by name, reconciliation, simulate, rights, Latin-1 round trips with export, every structural
 * error (with nothing written), and the scope rules.
 */
class ItopImportTest {
  static final String PATH = "/webservices/import.php";

  static ApiServer server;
  static User admin;
  static String token;
  Organization org;

  @BeforeAll
  static void start() {
    server = ItopRest.server();
    admin = server.administrator("root");
    token = server.token(admin, "import", "export");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @BeforeEach
  void anOrganizationOfItsOwn() {
    org = server.tokensmith.accounts.addOrganization(server.fresh("Org"));
  }

  static Res post(String form) {
    return server.post(PATH).authToken(token).form(form).send();
  }

  static String csv(String data) {
    return "csvdata=" + enc(data);
  }

  List<DirectoryRecord> personsOfOrg() {
    return server.tokensmith.directory.find(
        new ObjectQuery(
            DirectoryClass.PERSON,
            new dev.tokensmith.domain.directory.Criteria.Comparison(
                "org_id",
                dev.tokensmith.domain.directory.ComparisonOperator.EQUAL,
                dev.tokensmith.domain.directory.Literal.of(org.id().value()))),
        100,
        0);
  }

  @Test
  void aCreationAnswersItopsSummary() {
    String data =
        "first_name,name,email,org_id->name\nAda,Lovelace,ada@demo.com,\""
            + org.name()
            + "\"\nAlan,Turing,alan@demo.com,\""
            + org.name()
            + "\"\n";
    Res res = post("class=Person&no_localize=1&charset=UTF-8&comment=first+load&" + csv(data));

    assertThat(res.status()).isEqualTo(200);
    assertThat(res.header("Content-Type")).isEqualToIgnoringWhitespace("text/plain; charset=utf-8");
    assertThat(res.body())
        .isEqualTo(
            "#Output format: summary\n#Class: Person\n#Separator: ,\n#Qualifier: \"\n"
                + "#Charset Encoding:UTF-8\n#Date format: <none>\n#Localize: no\n"
                + "#Data Size: "
                + data.getBytes(StandardCharsets.UTF_8).length
                + "\n"
                + "#Data Lines: 2\n#Simulate: 0\n#Columns: first_name, name, email, org_id->name\n"
                + "#Reconciliation Keys: name, first_name, email\n"
                + "#Change tracking comment: first load\n#Issues: 0\n#Warnings: 0\n#Created: 2\n"
                + "#Updated: 0\n#Unchanged: 0\n");
    assertThat(personsOfOrg())
        .extracting(r -> r.field("friendlyname"))
        .containsExactlyInAnyOrder("Ada Lovelace", "Alan Turing");
  }

  @Test
  void theStatusIsImportedAndUpdated() {
    String head = "first_name,name,email,status,org_id->name\n";
    Res created =
        post(
            "class=Person&no_localize=1&charset=UTF-8&"
                + csv(head + "Ada,Lovelace,ada.status@demo.com,inactive,\"" + org.name() + "\"\n"));
    assertThat(created.body()).contains("#Issues: 0\n").contains("#Created: 1\n");
    assertThat(personsOfOrg()).extracting(r -> r.field("status")).containsExactly("inactive");
    Res updated =
        post(
            "class=Person&no_localize=1&charset=UTF-8&reconciliationkeys=email&"
                + csv(head + "Ada,Lovelace,ada.status@demo.com,active,\"" + org.name() + "\"\n"));
    assertThat(updated.body()).contains("#Updated: 1\n");
    assertThat(personsOfOrg()).extracting(r -> r.field("status")).containsExactly("active");
    Res refused =
        post(
            "class=Person&no_localize=1&charset=UTF-8&reconciliationkeys=email&"
                + csv(head + "Ada,Lovelace,ada.status@demo.com,gone,\"" + org.name() + "\"\n"));
    assertThat(refused.body()).contains("#Issues: 1\n");
    assertThat(personsOfOrg()).extracting(r -> r.field("status")).containsExactly("active");
  }

  @Test
  void detailsShowEachRowUpdatedUnchangedOrInIssue() {
    String base = "First Name;Last Name;Email;Phone;Organization->Name\n";
    post(
        "class=Person&separator=%3B&charset=UTF-8&"
            + csv(base + "Ada;Lovelace;ada@demo.com;1;" + org.name() + "\n"));
    long ada = personsOfOrg().get(0).id();

    Res res =
        post(
            "class=Person&separator=%3B&charset=UTF-8&output=details&reconciliationkeys="
                + enc("Email")
                + "&"
                + csv(
                    base
                        + "Ada;Lovelace;ada@demo.com;2;"
                        + org.name()
                        + "\n"
                        + "Ada;Lovelace;ada@demo.com;2;"
                        + org.name()
                        + "\n"
                        + "Grace;Hopper;grace@navy.mil;;gabuzomeu\n"));

    assertThat(res.body())
        .contains(
            "#Reconciliation Keys: email\n#Change tracking comment: \n#Issues: 1\n#Warnings: 0\n#Created: 0\n#Updated: 1\n#Unchanged: 1\n")
        .contains(
            "Line;Status;Object Class;Object Id;org_id (Organization - ext key);first_name (First Name);name (Last Name);email (Email);phone (Phone)\n"
                + "0;updated 1 cols;Person;"
                + ada
                + ";"
                + org.id().value()
                + ";\"Ada\";\"Lovelace\";\"ada@demo.com\";\"2\"Modified\n"
                + "1;unchanged;Person;"
                + ada
                + ";"
                + org.id().value()
                + ";\"Ada\";\"Lovelace\";\"ada@demo.com\";\"2\"\n"
                + "2;Issue: Unexpected attribute value(s);n/a;n/a;No match for value 'gabuzomeu'. Some possible 'Organization' value(s): ");
    assertThat(personsOfOrg()).hasSize(1);
    assertThat(personsOfOrg().get(0).field("phone")).isEqualTo("2");
  }

  @Test
  void simulateWritesNothingAndRetcodeCountsIssues() {
    String data =
        "first_name,name,email,org_id\nAda,Lovelace,ada@demo.com,"
            + org.id().value()
            + "\nBad,Email,not-an-email,"
            + org.id().value()
            + "\n";
    Res simulated = post("class=Person&no_localize=1&simulate=1&output=details&" + csv(data));
    assertThat(simulated.body())
        .contains("#Simulate: 1\n")
        .contains("#Issues: 1\n")
        .contains("#Created: 1\n")
        .contains("\n0;created;Person;0;")
        .contains("\n1;Issue: Unexpected attribute value(s);n/a;n/a;");
    assertThat(personsOfOrg()).isEmpty();

    Res retcode = post("class=Person&no_localize=1&output=retcode&" + csv(data));
    assertThat(retcode.body()).isEqualTo("1\n");
    assertThat(personsOfOrg()).extracting(r -> r.field("name")).containsExactly("Lovelace");
  }

  @Test
  void aUserWhoMayNotWritePersonsIsRefusedAndNothingIsWritten() {
    User reader = server.user(server.fresh("reader"), Profile.REST_SERVICES_USER);
    String readerToken = server.token(reader, "import");
    Res res =
        server
            .post(PATH)
            .authToken(readerToken)
            .form(
                "class=Person&no_localize=1&"
                    + csv("first_name,name,email,org_id\nA,B,a@b.c," + org.id().value() + "\n"))
            .send();
    assertThat(res.body())
        .isEqualTo("#You are not allowed to perform a bulk update of objects of class Person\n");
    assertThat(personsOfOrg()).isEmpty();
  }

  @Test
  void structuralErrorsAreOneCommentLineAndWriteNothing() {
    String good =
        "first_name,name,email,org_id\nAda,Lovelace,ada@demo.com," + org.id().value() + "\n";
    assertThat(post(csv(good)).body()).startsWith("ERROR: Missing argument 'class'\nUSAGE:");
    assertThat(post("class=Person").body()).startsWith("ERROR: Missing argument 'csvdata'\n");
    assertThat(
            server.post(PATH + "?" + csv(good)).authToken(token).form("class=Person").send().body())
        .startsWith("ERROR: Missing argument 'csvdata' (csvdata must be POSTed");
    assertThat(post("class=Nobody&" + csv(good)).body()).isEqualTo("#Unknown class: 'Nobody'\n");
    assertThat(post("class=Person&output=xml&" + csv(good)).body())
        .isEqualTo("#Unknown output format: 'xml'\n");
    assertThat(post("class=Person&separator=%3B%3B&" + csv(good)).body())
        .isEqualTo("#Separator is limited to one character, found ';;'\n");
    assertThat(post("class=Person&qualifier=ab&" + csv(good)).body())
        .isEqualTo("#Qualifier is limited to one character, found 'ab'\n");
    assertThat(post("class=Person&no_localize=1&" + csv("first_name,name\n")).body())
        .isEqualTo("#Missing data - at least one line is expected\n");
    assertThat(post("class=Person&no_localize=1&" + csv("first_name,shoe_size\nA,42\n")).body())
        .startsWith(
            "#Unknown column: 'shoe_size'. Possible columns: id, first_name, name, email, phone, status, org_id, org_name,"
                + " org_id->id");
    assertThat(
            post("class=Person&no_localize=1&" + csv(good + "Alan,Turing,alan@demo.com\n")).body())
        .isEqualTo(
            "#Wrong number of columns on line 3: found 3, the header has 4; nothing was imported\n");
    assertThat(
            post("class=Person&no_localize=1&" + csv(good + "Alan,\"Turing,alan@demo.com,1\n"))
                .body())
        .startsWith(
            "#Invalid CSV data: the cell in the qualifier that starts on line 3 is not closed");
    assertThat(post("class=Person&no_localize=1&" + csv("phone\n123\n")).body())
        .startsWith(
            "#No reconciliation scheme could be defined, please add a column corresponding to one defined reconciliation key (class: 'Person', reconciliation:name,first_name,org_id,org_name,email,employee_number)");
    assertThat(post("class=Person&no_localize=1&reconciliationkeys=shoe&" + csv(good)).body())
        .isEqualTo("#Unknown reconciliation key: 'shoe'\n");
    assertThat(post("class=Person&no_localize=1&reconciliationkeys=phone&" + csv(good)).body())
        .isEqualTo("#Reconciliation key not found in the input columns: 'phone'\n");
    assertThat(post("class=Person&charset=KLINGON-8&" + csv(good)).body())
        .startsWith("#Unknown charset: 'KLINGON-8'");
    assertThat(post("class=Person&charset=UTF-8&csvdata=first_name%0AA%FF%FE%0A").body())
        .startsWith("#The data is not valid UTF-8 text");
    assertThat(post("class=Person&csvdata=first_name%0AA%00B%0A").body())
        .startsWith("#The data is binary, not CSV text (a NUL byte at offset 12)");
    assertThat(personsOfOrg()).isEmpty();
  }

  @Test
  void aBodyOverTheLimitIsRefusedWithASentence() {
    String huge = "a".repeat(ItopRest.BULK_MAX_REQUEST_BYTES + 10);
    Res res =
        post(
            "class=Person&no_localize=1&"
                + csv("first_name,name,email,org_id\n" + huge + ",b,c@d.e,1\n"));
    assertThat(res.status()).isEqualTo(200);
    assertThat(res.body())
        .startsWith(
            "#the request body is larger than " + ItopRest.BULK_MAX_REQUEST_BYTES + " bytes");
    assertThat(personsOfOrg()).isEmpty();
  }

  @Test
  void latin1DataRoundTripsThroughExportUnchanged() throws Exception {
    String data =
        "\"first_name\",\"name\",\"email\",\"org_id\"\n\"Émile\",\"Zoła Ñandú\",\"emile@lettres.fr\","
            + org.id().value()
            + "\n";
    String latin1 = data.replace("ł", "l");
    byte[] bytes = latin1.getBytes(StandardCharsets.ISO_8859_1);
    Res imported =
        post(
            "class=Person&no_localize=1&charset=ISO-8859-1&csvdata="
                + URLEncoder.encode(latin1, StandardCharsets.ISO_8859_1));
    assertThat(imported.body()).contains("#Created: 1\n");

    HttpRequest request =
        HttpRequest.newBuilder(
                server.uri(
                    "/webservices/export-v2.php?format=csv&no_localize=1&charset=ISO-8859-1"
                        + "&fields=first_name,name,email,org_id&expression="
                        + enc("SELECT Person WHERE org_id = " + org.id().value())))
            .header("Auth-Token", token)
            .build();
    byte[] exported =
        HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray()).body();
    assertThat(exported).isEqualTo(bytes);
  }

  @Test
  void aTokenWithoutImportIsRefusedWithInvalidLogin() {
    IssuedToken other = server.issue(admin, "rest", "export", "synchro");
    Res res =
        server
            .post(PATH + "?login_mode=token")
            .form("auth_token=" + enc(other.value().reveal()) + "&class=Person&" + csv("name\nX\n"))
            .send();
    assertThat(res.status()).isEqualTo(200);
    assertThat(res.body()).isEqualTo("Invalid login\n");
    assertThat(res.header(ItopRest.AUTH_FAILURE)).isEqualTo("scope_not_granted");
    assertThat(ItopRest.useCount(server, other.summary().token().id())).isZero();
    assertThat(server.tokensmith.failures.recent(other.summary().token().id(), 5))
        .singleElement()
        .satisfies(
            failure -> assertThat(failure.endpoint()).isEqualTo("POST /webservices/import.php"));

    IssuedToken importer = server.issue(admin, "import");
    server
        .post(PATH)
        .authToken(importer.value().reveal())
        .form("class=Person&" + csv("name\nX\n"))
        .send();
    assertThat(ItopRest.useCount(server, importer.summary().token().id())).isEqualTo(1);
  }
}
