package dev.tokensmith.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tokensmith.adapter.http.ApiServer.Res;
import dev.tokensmith.application.port.in.CreatePersonalTokenCommand;
import dev.tokensmith.domain.account.User;
import io.vavr.control.Option;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every list is paged: limit and cursor in, Link / X-Next-Cursor / X-Total-Count out. */
class PagingTest {
  private static final Pattern NEXT = Pattern.compile("^<([^>]+)>; rel=\"next\"$");

  static ApiServer server;

  @BeforeAll
  static void start() {
    server = ApiServer.start();
    server.administrator("root");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static User ownerWith(int tokens, String application) {
    User owner = server.restUser(server.fresh("paged"));
    for (int i = 0; i < tokens; i++) {
      server
          .tokensmith
          .core
          .personalTokens
          .createPersonalToken(
              new CreatePersonalTokenCommand(
                  owner, application + " " + i, Set.of("rest"), Option.none()))
          .get();
    }
    return owner;
  }

  /** Follows the Link headers from {@code first} to the last page; the ids of every page. */
  private static List<String> walk(String first, List<Res> pages) {
    List<String> ids = new ArrayList<>();
    String next = first;
    var session = server.logIn("root");
    while (next != null) {
      Res page = server.get(next).session(session).send();
      assertThat(page.status()).as(page.toString()).isEqualTo(200);
      pages.add(page);
      for (JsonNode item : page.json()) {
        ids.add(item.has("id") ? item.get("id").asText() : item.get("login").asText());
      }
      String link = page.header("Link");
      if (link == null) {
        assertThat(page.header("X-Next-Cursor")).isNull();
        next = null;
      } else {
        Matcher matcher = NEXT.matcher(link);
        assertThat(matcher.matches()).as(link).isTrue();
        next = matcher.group(1);
        assertThat(next).contains("cursor=" + page.header("X-Next-Cursor"));
      }
    }
    return ids;
  }

  @Test
  void theAdministratorsListOfAnOwnersTokensIsWalkedPageByPageByItsLinks() {
    User owner = ownerWith(23, "nightly");
    List<Res> pages = new ArrayList<>();
    List<String> ids =
        walk("/api/v1/admin/personal-tokens?owner=" + owner.login() + "&limit=5", pages);

    assertThat(ids).hasSize(23).doesNotHaveDuplicates();
    assertThat(pages).hasSize(5);
    assertThat(pages.get(0).json()).hasSize(5);
    assertThat(pages.get(4).json()).hasSize(3);
    // the link repeats the filter and the limit
    assertThat(pages.get(0).header("Link")).contains("owner=" + owner.login()).contains("limit=5");
    assertThat(pages.get(0).header("X-Total-Count")).isEqualTo("23");
    assertThat(pages.get(0).header("X-Total-Count-Exact")).isEqualTo("true");
    // deeper pages are not counted again
    assertThat(pages.get(1).header("X-Total-Count")).isNull();
  }

  @Test
  void withoutALimitAPageHoldsTwentyItems() {
    User owner = ownerWith(21, "default");
    Res first =
        server
            .get("/api/v1/admin/personal-tokens?owner=" + owner.login())
            .session(server.logIn("root"))
            .send();
    assertThat(first.json()).hasSize(20);
    assertThat(first.header("Link")).isNotNull();
  }

  @Test
  void myTokensUsersAndApplicationTokensArePagedToo() {
    User owner = ownerWith(7, "mine");
    String token = server.token(owner, "rest");
    List<String> mine = new ArrayList<>();
    String next = "/api/v1/me/tokens?limit=3";
    int pages = 0;
    while (next != null) {
      Res page = server.get(next).authToken(token).send();
      assertThat(page.status()).as(page.toString()).isEqualTo(200);
      page.json().forEach(item -> mine.add(item.get("id").asText()));
      next =
          page.header("X-Next-Cursor") == null
              ? null
              : "/api/v1/me/tokens?limit=3&cursor=" + page.header("X-Next-Cursor");
      pages++;
    }
    assertThat(mine).hasSize(8).doesNotHaveDuplicates();
    assertThat(pages).isEqualTo(3);

    for (int i = 0; i < 4; i++) {
      server.restUser(server.fresh("listed"));
    }
    List<String> logins = walk("/api/v1/admin/users?limit=2", new ArrayList<>());
    assertThat(logins).doesNotHaveDuplicates().contains("root", owner.login()).isSorted();

    User root = server.tokensmith.accounts.userByLogin("root").get();
    for (int i = 0; i < 3; i++) {
      server.applicationToken(root, server.fresh("app"), Set.of("REST Services User"), "rest");
    }
    List<String> apps = walk("/api/v1/admin/application-tokens?limit=2", new ArrayList<>());
    assertThat(apps).hasSizeGreaterThanOrEqualTo(3).doesNotHaveDuplicates();
  }

  @Test
  void aTokenInTheQueryIsNeverRepeatedInTheLinkOfTheNextPage() {
    User owner = ownerWith(3, "query");
    String token = server.token(owner, "rest");
    Res page =
        server
            .get(
                "/api/v1/me/tokens?limit=2&auth_token="
                    + URLEncoder.encode(token, StandardCharsets.UTF_8))
            .send();
    assertThat(page.status()).as(page.toString()).isEqualTo(200);
    assertThat(page.header("Link")).isNotNull().doesNotContain(token).doesNotContain("auth_token");
  }

  @Test
  void theFiltersSelectByApplicationTextScopeExpiryAndDisuse() {
    User owner = ownerWith(3, "Backup");
    server.issue(
        owner, Option.some(server.clock.instant().plus(Duration.ofDays(3))), "rest", "export");
    String base = "/api/v1/admin/personal-tokens?owner=" + owner.login();
    var session = server.logIn("root");

    assertThat(server.get(base + "&application=BACKUP").session(session).send().json()).hasSize(3);
    assertThat(server.get(base + "&application=nothing").session(session).send().json()).isEmpty();
    assertThat(server.get(base + "&scope=Export").session(session).send().json()).hasSize(1);
    assertThat(server.get(base + "&expiringWithinDays=5").session(session).send().json())
        .hasSize(1);
    assertThat(server.get(base + "&expiringWithinDays=2").session(session).send().json()).isEmpty();
    assertThat(server.get(base + "&unusedForDays=1").session(session).send().json()).isEmpty();
    server.clock.advance(Duration.ofDays(4));
    try {
      var later = server.logIn("root");
      assertThat(server.get(base + "&expired=true").session(later).send().json()).hasSize(1);
      assertThat(server.get(base + "&unusedForDays=3").session(later).send().json()).hasSize(4);
    } finally {
      server.clock.advance(Duration.ofDays(-4));
    }
  }

  @ParameterizedTest
  @CsvSource({
    "limit=0, limit",
    "limit=101, limit",
    "limit=-1, limit",
    "limit=ten, limit",
    "limit=99999999999999, limit",
    "cursor=bm90IGEgY3Vyc29y, cursor",
    "cursor=%25%25, cursor",
    "expiringWithinDays=0, expiringWithinDays",
    "expiringWithinDays=x, expiringWithinDays",
    "unusedForDays=36501, unusedForDays",
    "scope=nonsense, scope",
    "owner=%00, owner",
    "application=a%00b, application",
  })
  void badPagingOrFilterParametersAreRefusedNamingTheParameter(String query, String field) {
    Res response =
        server.get("/api/v1/admin/personal-tokens?" + query).session(server.logIn("root")).send();
    assertThat(response.status()).as(response.toString()).isEqualTo(400);
    assertThat(response.json().get("error").asText()).isEqualTo("invalid_input");
    assertThat(response.json().get("message").asText()).contains(field);
  }

  @Test
  void aCursorOfAnotherListIsRefused() {
    Res users = server.get("/api/v1/admin/users?limit=1").session(server.logIn("root")).send();
    String cursor = users.header("X-Next-Cursor");
    assertThat(cursor).isNotNull();
    Res tokens =
        server
            .get("/api/v1/admin/personal-tokens?cursor=" + cursor)
            .session(server.logIn("root"))
            .send();
    assertThat(tokens.status()).isEqualTo(400);
    assertThat(tokens.json().get("message").asText()).contains("cursor");
  }
}
