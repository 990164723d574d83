package dev.tokensmith.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokensmith.adapter.http.ApiServer.Res;
import dev.tokensmith.adapter.http.ApiServer.Session;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The web UI's pages and assets over HTTP: who gets which page, headers, and no inline code. */
class WebUiTest {
  static final Path WEB = Path.of("src", "main", "resources", "web");

  static ApiServer server;

  @BeforeAll
  static void start() {
    server = ApiServer.start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void signInPageIsServedToAnyoneWithTheStrictPolicy() {
    Res page = server.get("/").send();

    assertThat(page.status()).isEqualTo(200);
    assertThat(type(page)).isEqualTo("text/html;charset=utf-8");
    assertThat(page.header("Content-Security-Policy"))
        .isEqualTo(
            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
                + " connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action"
                + " 'self'");
    assertThat(page.header("X-Frame-Options")).isEqualTo("DENY");
    assertThat(page.header("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(page.header("Cache-Control")).isEqualTo("no-store");
    assertThat(page.body()).contains("id=\"login-form\"").contains("/web/js/login.js");
  }

  @Test
  void signedInUserAskingForTheSignInPageGoesToMyAccount() {
    Session session = server.logIn(restUser());

    Res page = server.get("/").cookie(session).send();

    assertThat(page.status()).isEqualTo(303);
    assertThat(page.header("Location")).isEqualTo("/account");
  }

  @ParameterizedTest
  @ValueSource(strings = {"/account", "/admin"})
  void pagesNeedingASessionSendAnyoneWithoutOneToSignIn(String path) {
    Res page = server.get(path).send();

    assertThat(page.status()).isEqualTo(303);
    assertThat(page.header("Location")).isEqualTo("/");
    assertThat(page.body()).doesNotContain("<html");
  }

  @Test
  void anEndedSessionIsSentToSignInAndItsCookieCleared() {
    Res page = server.get("/account").header("Cookie", "tokensmith_session=forged").send();

    assertThat(page.status()).isEqualTo(303);
    assertThat(page.header("Location")).isEqualTo("/");
    assertThat(page.header("Set-Cookie")).startsWith("tokensmith_session=;").contains("Max-Age=0");
  }

  @Test
  void myAccountCarriesTheCsrfTokenOfTheSession() {
    Session session = server.logIn(restUser());

    Res page = server.get("/account").cookie(session).send();

    assertThat(page.status()).isEqualTo(200);
    assertThat(type(page)).isEqualTo("text/html;charset=utf-8");
    assertThat(page.header("Cache-Control")).isEqualTo("no-store");
    assertThat(page.body())
        .contains("<meta name=\"csrf-token\" content=\"" + session.csrfToken() + "\">")
        .doesNotContain(WebUi.CSRF_PLACEHOLDER)
        .contains("/web/js/account.js");
  }

  @Test
  void aUserWhoIsNotAnAdministratorGetsNothingOfTheAdministrationPage() {
    Session session = server.logIn(restUser());

    Res page = server.get("/admin").cookie(session).send();

    assertThat(page.status()).isEqualTo(403);
    assertThat(type(page)).isEqualTo("text/html;charset=utf-8");
    assertThat(page.body())
        .contains("Administrators only")
        .doesNotContain("admin.js")
        .doesNotContain("users-table")
        .doesNotContain(session.csrfToken());
  }

  @Test
  void anAdministratorGetsTheAdministrationPage() {
    String login = server.fresh("boss");
    server.administrator(login);
    Session session = server.logIn(login);

    Res page = server.get("/admin").cookie(session).send();

    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body())
        .contains("/web/js/admin.js")
        .contains("content=\"" + session.csrfToken() + "\"");
  }

  @Test
  void assetsAreServedWithTheirTypeAndRevalidated() {
    Res script = server.get("/web/js/api.js").send();
    Res style = server.get("/web/app.css").send();
    Res icon = server.get("/web/favicon.svg").send();

    assertThat(script.status()).isEqualTo(200);
    assertThat(type(script)).isEqualTo("text/javascript;charset=utf-8");
    assertThat(script.body()).contains("X-CSRF-Token");
    assertThat(type(style)).isEqualTo("text/css;charset=utf-8");
    assertThat(type(icon)).isEqualTo("image/svg+xml");
    assertThat(script.header("Cache-Control")).isEqualTo("no-cache");
    String etag = script.header("ETag");
    assertThat(etag).startsWith("\"").endsWith("\"");

    Res again = server.get("/web/js/api.js").header("If-None-Match", etag).send();
    assertThat(again.status()).isEqualTo(304);
    assertThat(again.body()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/web/admin.html",
        "/web/account.html",
        "/web/js/missing.js",
        "/web/js/../app.css",
        "/web/..%2fjs/api.js",
        "/web/%2e%2e/web/app.css",
        "/web/JS/API.JS",
        "/web/js/api.js.map",
        "/web/"
      })
  void onlyKnownKindsOfAssetsInTheWebFolderAreServed(String path) {
    Res response = server.raw("GET", path);

    assertThat(response.status()).as(path).isIn(400, 404);
    assertThat(response.body()).doesNotContain("<html").doesNotContain("import ");
  }

  // ---- the sources: nothing inline that the policy would block, no HTML built from strings

  static List<Path> files(String extension) throws IOException {
    try (Stream<Path> files = Files.walk(WEB)) {
      return files.filter(f -> f.toString().endsWith(extension)).sorted().toList();
    }
  }

  @Test
  void pagesHaveNoInlineScriptStyleOrHandler() throws IOException {
    List<Path> pages = files(".html");
    assertThat(pages).hasSizeGreaterThanOrEqualTo(4);
    Pattern scriptTag = Pattern.compile("<script\\b([^>]*)>", Pattern.CASE_INSENSITIVE);
    for (Path page : pages) {
      String html = Files.readString(page);
      assertThat(html)
          .as(page.toString())
          .doesNotContainPattern("(?i)\\sstyle\\s*=")
          .doesNotContainPattern("(?i)<style\\b")
          .doesNotContainPattern("(?i)\\son[a-z]+\\s*=")
          .doesNotContainPattern("(?i)javascript:");
      Matcher scripts = scriptTag.matcher(html);
      while (scripts.find()) {
        assertThat(scripts.group(1)).as(page + ": every script has a src").contains("src=\"/web/");
      }
    }
  }

  @Test
  void scriptsNeverBuildHtmlFromText() throws IOException {
    List<Path> scripts = files(".js");
    assertThat(scripts).hasSizeGreaterThanOrEqualTo(6);
    for (Path script : scripts) {
      assertThat(Files.readString(script))
          .as(script.toString())
          .doesNotContain("innerHTML")
          .doesNotContain("outerHTML")
          .doesNotContain("insertAdjacentHTML")
          .doesNotContain("document.write")
          .doesNotContain("eval(")
          .doesNotContain("new Function")
          .doesNotContainPattern("\\.style\\.")
          .doesNotContainPattern("setAttribute\\(\\s*\"style\"");
    }
  }

  @Test
  void everyPageNeedingACsrfTokenHasThePlaceholderOnce() throws IOException {
    for (String page : List.of("account.html", "admin.html")) {
      String html = Files.readString(WEB.resolve(page));
      assertThat(html.split(WebUi.CSRF_PLACEHOLDER, -1)).as(page).hasSize(2);
    }
  }

  /** The content type without spaces: Jetty writes {@code text/html;charset=utf-8}. */
  private static String type(Res response) {
    return response.header("Content-Type").replace(" ", "");
  }

  private String restUser() {
    String login = server.fresh("alice");
    server.restUser(login);
    return login;
  }
}
