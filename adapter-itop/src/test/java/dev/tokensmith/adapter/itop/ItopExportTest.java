package dev.tokensmith.adapter.itop;

import static dev.tokensmith.adapter.itop.ItopRest.enc;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tokensmith.adapter.http.ApiServer;
import dev.tokensmith.adapter.http.ApiServer.Res;
import dev.tokensmith.application.port.in.IssuedToken;
import dev.tokensmith.domain.account.Profile;
import dev.tokensmith.domain.account.User;
import dev.tokensmith.domain.authentication.RecordedFailure;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code webservices/export-v2.php} through HTTP: every format, field specs with external-key
 * paths, labels or codes, separators, qualifier, charset, {@code arg_*}, each error of iTop's, and
 * the scope rules (refused without {@code export}, use counted on success only).
 */
class ItopExportTest {
  static final String PATH = "/webservices/export-v2.php";
  static final String FIELDS = "id,friendlyname,first_name,name,email,org_id,org_id->name,org_name";

  static ApiServer server;
  static ItopRest.Demo demo;
  static User admin;
  static IssuedToken exportToken;
  static String token;

  @BeforeAll
  static void start() {
    server = ItopRest.server();
    demo = new ItopRest.Demo(server.tokensmith);
    admin = server.administrator("root");
    exportToken = server.issue(admin, "export");
    token = exportToken.value().reveal();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static Res export(String query) {
    return server.get(PATH + "?" + query).authToken(token).send();
  }

  static String persons(String where) {
    return "expression=" + enc("SELECT Person" + where);
  }

  @Test
  void csvHasQuotedLabelsBareIdsAndIsSortedByFriendlyName() {
    Res res =
        export(
            persons(" WHERE name IN ('Monet', 'Morisot', 'Runner', 'Coyote')")
                + "&format=csv&fields="
                + enc(FIELDS));

    assertThat(res.status()).isEqualTo(200);
    assertThat(res.header("Content-Type")).isEqualTo("text/csv;charset=utf-8");
    assertThat(res.header("Content-Disposition"))
        .isEqualTo("attachment; filename=\"Person Export.csv\"");
    assertThat(res.header("Cache-Control")).isEqualTo("no-cache, no-store, must-revalidate");
    long demoId = demo.demo.id().value();
    long acmeId = demo.acme.id().value();
    assertThat(res.body())
        .isEqualTo(
            "\"id (Primary Key)\",\"Full name\",\"First Name\",\"Last Name\",\"Email\","
                + "\"Organization\",\"Organization->Name\",\"Organization name\"\n"
                + demo.morisot.id()
                + ",\"Berthe Morisot\",\"Berthe\",\"Morisot\","
                + "\"berthe.morisot@demo.com\","
                + demoId
                + ",\"Demo\",\"Demo\"\n"
                + demo.monet.id()
                + ",\"Claude Monet\",\"Claude\",\"Monet\","
                + "\"claude.monet@demo.com\","
                + demoId
                + ",\"Demo\",\"Demo\"\n"
                + demo.runner.id()
                + ",\"Road Runner\",\"Road\",\"Runner\","
                + "\"road.runner@acme.example\","
                + acmeId
                + ",\"Acme Corporation\",\"Acme Corporation\"\n"
                + demo.coyote.id()
                + ",\"Wile E. Coyote\",\"Wile E.\",\"Coyote\","
                + "\"wile.coyote@acme.example\","
                + acmeId
                + ",\"Acme Corporation\",\"Acme Corporation\"\n");
  }

  @Test
  void noLocalizeNamesColumnsByTheirSpec() {
    Res res =
        export(
            persons(" WHERE name = 'Monet'")
                + "&format=csv&no_localize=1&fields="
                + enc("id, org_id->name ,org_id_friendlyname,phone"));

    assertThat(res.body())
        .isEqualTo(
            "\"id\",\"org_id->name\",\"org_id_friendlyname\",\"phone\"\n"
                + demo.monet.id()
                + ",\"Demo\",\"Demo\",\"+33 1 23\"\n");
  }

  @Test
  void separatorQualifierAndTabAreApplied() {
    Res semicolon =
        export(
            persons(" WHERE name = 'Monet'")
                + "&format=csv&no_localize=1&fields=name,first_name&separator=%3B&text-qualifier=%27");
    assertThat(semicolon.body()).isEqualTo("'name';'first_name'\n'Monet';'Claude'\n");

    Res tab =
        export(
            persons(" WHERE name = 'Monet'")
                + "&format=csv&no_localize=1&fields=name,first_name&separator=tab");
    assertThat(tab.body()).isEqualTo("\"name\"\t\"first_name\"\n\"Monet\"\t\"Claude\"\n");

    Res other =
        export(
            persons(" WHERE name = 'Monet'")
                + "&format=csv&no_localize=1&fields=name&separator=other&other-separator=%7C"
                + "&text-qualifier=other&other-text-qualifier=%23");
    assertThat(other.body()).isEqualTo("#name#\n#Monet#\n");
  }

  @Test
  void aQualifierInsideAValueIsDoubled() {
    server.tokensmith.accounts.addOrganization("The \"Quoted\" Org");
    Res res =
        export(
            "expression="
                + enc("SELECT Organization WHERE name LIKE '%Quoted%'")
                + "&format=csv&no_localize=1&fields=name");
    assertThat(res.body()).isEqualTo("\"name\"\n\"The \"\"Quoted\"\" Org\"\n");
  }

  @Test
  void argumentsFillTheQueryPlaceholders() {
    Res res =
        export(
            persons(" WHERE org_name = :org AND first_name LIKE :initial")
                + "&arg_org=Demo&arg_initial="
                + enc("C%")
                + "&format=csv&no_localize=1&fields=name");
    assertThat(res.body()).isEqualTo("\"name\"\n\"Monet\"\n");

    Res quote =
        export(persons(" WHERE name = :n") + "&arg_n=" + enc("O'Hara") + "&format=csv&fields=name");
    assertThat(quote.body()).isEqualTo("\"Last Name\"\n");
  }

  @Test
  void latin1ExportEncodesAccents() throws Exception {
    ItopRest.Demo.person(server.tokensmith, "Émile", "Zola", "emile@demo.com", null, demo.demo);
    HttpResponse<byte[]> res =
        bytes(
            PATH
                + "?"
                + persons(" WHERE name = 'Zola'")
                + "&format=csv&no_localize=1&fields=first_name,name&charset=ISO-8859-1");

    assertThat(res.headers().firstValue("Content-Type")).hasValue("text/csv;charset=iso-8859-1");
    assertThat(res.body())
        .isEqualTo(
            "\"first_name\",\"name\"\n\"Émile\",\"Zola\"\n".getBytes(StandardCharsets.ISO_8859_1));
  }

  @Test
  void htmlAndSpreadsheetAreTables() {
    Res html = export(persons(" WHERE name = 'Morisot'") + "&format=html&fields=name,phone");
    assertThat(html.header("Content-Type")).startsWith("text/html");
    assertThat(html.body())
        .contains(
            "<table class=\"listResults\"><thead><tr><th>Last Name</th><th>Phone</th></tr></thead>"
                + "<tbody>\n<tr><td>Morisot</td><td>&nbsp;</td></tr>\n</tbody></table>");

    Res sheet = export(persons(" WHERE name = 'Morisot'") + "&format=spreadsheet&fields=name");
    assertThat(sheet.body())
        .isEqualTo(
            "<table border=\"1\">\n<tr><td>Last Name</td></tr>\n<tr><td>Morisot</td></tr>\n</table>\n");
  }

  @Test
  void xmlListsEveryAttributeWithoutFields() {
    Res xml = export(persons(" WHERE name = 'Morisot'") + "&format=xml");
    assertThat(xml.header("Content-Type")).isEqualTo("text/xml;charset=utf-8");
    assertThat(xml.header("Content-Disposition"))
        .isEqualTo("attachment; filename=\"Person Export.xml\"");
    assertThat(xml.body())
        .isEqualTo(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Set>\n"
                + "<Person alias=\"Person\" id=\""
                + demo.morisot.id()
                + "\">\n"
                + "<name>Morisot</name>\n<first_name>Berthe</first_name>\n"
                + "<email>berthe.morisot@demo.com</email>\n<phone></phone>\n"
                + "<status>active</status>\n"
                + "<org_id>"
                + demo.demo.id().value()
                + "</org_id>\n"
                + "<org_id_friendlyname>Demo</org_id_friendlyname>\n<org_name>Demo</org_name>\n"
                + "</Person>\n</Set>\n");
  }

  @Test
  void errorsAreItopPagesWithStatus200() {
    assertError(
        export("format=csv&fields=name"),
        "ERROR: Missing parameter. The parameter &#039;expression&#039; or &#039;query&#039; must be specified.");
    assertError(
        export(persons("") + "&fields=name"), "ERROR: Missing parameter &#039;format&#039;.");
    assertError(
        export("query=12&format=csv"),
        "ERROR: Invalid query phrasebook identifier: &#039;12&#039;");
    assertError(
        export(persons("") + "&format=json&fields=name"),
        "ERROR: Invalid output format: &#039;json&#039;. The supported formats are: html, csv, spreadsheet, xml");
    assertError(
        export("expression=" + enc("SELECT Nobody") + "&format=csv&fields=name"),
        "ERROR: Invalid OQL query: &#039;SELECT Nobody&#039;.<br/>\nclass: &#039;Nobody&#039; is not a valid class&#039;");
    assertError(
        export(persons(" WHERE name = :who") + "&format=csv&fields=name"),
        "ERROR: Invalid OQL query: &#039;SELECT Person WHERE name = :who&#039;.<br/>\nMissing parameter &#039;--arg_who&#039;");
    assertError(
        export(persons("") + "&format=csv&fields=name,shoe_size"),
        "Error: Wrong field specification &#039;shoe_size&#039;: Unknown attribute shoe_size from class Person");
    assertError(
        export(persons("") + "&format=csv&fields=" + enc("org_id->colour")),
        "Error: Wrong field specification &#039;org_id-&gt;colour&#039;: Unknown attribute colour from class Organization");
    Res noFields = export(persons("") + "&format=csv");
    assertThat(noFields.status()).isEqualTo(200);
    assertThat(noFields.body()).startsWith("Missing parameter: fields");
  }

  @Test
  void usersAreExportedToAdministratorsOnly() {
    User reader = server.user("reader", Profile.REST_SERVICES_USER);
    String readerToken = server.token(reader, "export");
    Res refused =
        server
            .get(PATH + "?expression=" + enc("SELECT User") + "&format=csv&fields=login")
            .authToken(readerToken)
            .send();
    assertError(
        refused,
        "Error: The current user does not have enough permissions for reading data of class User");

    Res allowed =
        export(
            "expression="
                + enc("SELECT User WHERE login = 'root'")
                + "&format=csv&fields=login,status");
    assertThat(allowed.body()).isEqualTo("\"Login\",\"Status\"\n\"root\",\"Enabled\"\n");
  }

  @Test
  void aTokenWithoutExportIsRefusedAndLogged() {
    IssuedToken rest = server.issue(admin, "rest");
    String query = persons("") + "&format=csv&fields=name";

    Res forced =
        server.get(PATH + "?login_mode=token&" + query).authToken(rest.value().reveal()).send();
    assertThat(forced.status()).isEqualTo(401);
    assertThat(forced.header("WWW-Authenticate")).startsWith("Basic realm=\"iTop version");
    assertThat(forced.body()).isEqualTo(ItopPages.ACCESS_RESTRICTED);
    assertThat(forced.header(ItopRest.AUTH_FAILURE)).isEqualTo("scope_not_granted");

    Res notForced =
        server.get(PATH + "?auth_token=" + enc(rest.value().reveal()) + "&" + query).send();
    assertThat(notForced.status()).isEqualTo(200);
    assertThat(notForced.body()).contains("name=\"loginop\" value=\"login\"");
    assertThat(notForced.header(ItopRest.AUTH_FAILURE)).isEqualTo("scope_not_granted");

    assertThat(ItopRest.useCount(server, rest.summary().token().id())).isZero();
    List<RecordedFailure> failures =
        server.tokensmith.failures.recent(rest.summary().token().id(), 10);
    assertThat(failures).hasSize(2);
    assertThat(failures.get(0).endpoint()).isEqualTo("GET /webservices/export-v2.php");
  }

  @Test
  void aUseIsCountedForEachSuccessfulExport() {
    IssuedToken counted = server.issue(admin, "export");
    long before = ItopRest.useCount(server, counted.summary().token().id());
    Res res =
        server
            .post(PATH)
            .form(
                "login_mode=token&auth_token="
                    + enc(counted.value().reveal())
                    + "&"
                    + persons("")
                    + "&format=csv&fields=id")
            .send();
    assertThat(res.status()).isEqualTo(200);
    assertThat(res.body()).startsWith("\"id (Primary Key)\"\n");
    assertThat(ItopRest.useCount(server, counted.summary().token().id())).isEqualTo(before + 1);
  }

  @Test
  void noTokenAtAllShowsTheLoginForm() {
    Res res = server.get(PATH + "?" + persons("") + "&format=csv&fields=id").send();
    assertThat(res.status()).isEqualTo(200);
    assertThat(res.body()).contains("name=\"loginop\" value=\"login\"");
  }

  static void assertError(Res res, String paragraph) {
    assertThat(res.status()).as(res.toString()).isEqualTo(200);
    assertThat(res.header("Content-Type")).startsWith("text/html");
    assertThat(res.body()).as(res.body()).contains("<p>" + paragraph + "</p>");
  }

  static HttpResponse<byte[]> bytes(String pathAndQuery) throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(server.uri(pathAndQuery)).header("Auth-Token", token).GET().build();
    return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
  }
}
