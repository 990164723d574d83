package dev.tokensmith.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokensmith.application.fake.MutableClock;
import dev.tokensmith.bootstrap.ServiceInternals;
import dev.tokensmith.bootstrap.TokensmithService;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The administrators' filter of stopped personal tokens agrees with the authentication on real
 * PostgreSQL: past the expiry ({@code token_expired}), past a policy deadline ({@code
 * token_expired}) and unused for the inactivity limit ({@code token_inactive}) all count, across
 * pages; {@code expired=true}, the former name, answers the same.
 */
class StoppedTokensFilterIT {
  private static final String ADMIN_PASSWORD = "an admin password for tests";
  private static final Pattern ID = Pattern.compile("\"id\":\"([^\"]{22})\"");
  private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-06-01T08:00:00Z"));
  private static Path dataDir;
  private static TokensmithService service;
  private static Http http;

  @BeforeAll
  static void start() throws Exception {
    dataDir = Files.createTempDirectory("tokensmith-stopped-filter");
    service = InJvmService.start(dataDir, ADMIN_PASSWORD, CLOCK);
    http = new Http(service.port());
  }

  @AfterAll
  static void stop() {
    if (service != null) {
      service.close();
    }
  }

  /** A token of the administrator expiring {@code days} ahead: its id and value. */
  private static String[] token(String application, int days) {
    HttpResponse<String> created =
        http.send(
            "POST",
            "/api/v1/me/tokens",
            "{\"application\":\""
                + application
                + "\",\"scopes\":[\"rest\"],\"expiresAt\":\""
                + CLOCK.instant().plus(Duration.ofDays(days))
                + "\"}",
            http.signIn("admin", ADMIN_PASSWORD));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return new String[] {Http.field(created.body(), "id"), Http.field(created.body(), "secret")};
  }

  private static HttpResponse<String> self(String value) {
    return http.get("/api/v1/tokens/self", "Auth-Token", value);
  }

  /** Every id the filter lists, following the cursor page by page; the pages' sizes too. */
  private static List<String> listAll(String filter, List<Integer> pageSizes, String[] session) {
    List<String> ids = new ArrayList<>();
    String cursor = null;
    do {
      HttpResponse<String> page =
          http.get(
              "/api/v1/admin/personal-tokens?"
                  + filter
                  + "&limit=2"
                  + (cursor == null ? "" : "&cursor=" + cursor),
              session);
      assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
      if (cursor == null) {
        assertThat(page.headers().firstValue("X-Total-Count")).isPresent();
        pageSizes.add(-Integer.parseInt(page.headers().firstValue("X-Total-Count").get()));
      }
      int before = ids.size();
      Matcher id = ID.matcher(page.body());
      while (id.find()) {
        ids.add(id.group(1));
      }
      pageSizes.add(ids.size() - before);
      assertThat(page.body()).doesNotContain("\"expired\":false");
      cursor = page.headers().firstValue("X-Next-Cursor").orElse(null);
    } while (cursor != null);
    return ids;
  }

  @Test
  void expiredPastAPolicyDeadlineAndInactiveTokensAreListedAsStoppedAcrossPages() {
    String[] soonA = token("expires in 2 days", 2);
    String[] soonB = token("expires in 3 days", 3);
    String[] far = token("expires in 100 days", 100);
    String[] idleA = token("idle a", 50);
    String[] idleB = token("idle b", 50);
    String[] idleC = token("idle c", 50);
    String[] busy = token("used", 50);
    // at most 60 days ahead (`far` stops tomorrow, the others fit), and 10 days of inactivity
    HttpResponse<String> saved =
        http.send(
            "PUT",
            "/api/v1/admin/policy",
            "{\"maxLifetimeDays\":60,\"expiryRequired\":false,\"inactivityDays\":10,"
                + "\"refreshGraceSeconds\":0,\"personalTokenProfiles\":"
                + "[{\"profile\":\"Administrator\",\"scopes\":null},"
                + "{\"profile\":\"REST Services User\",\"scopes\":null}],"
                + "\"affectedTokensStopAt\":\""
                + CLOCK.instant().plus(Duration.ofDays(1))
                + "\"}",
            http.signIn("admin", ADMIN_PASSWORD));
    assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
    assertThat(saved.body()).contains(far[0]);

    CLOCK.advance(Duration.ofDays(5));
    assertThat(self(busy[1]).statusCode()).isEqualTo(200);
    // the use is in the database (the filter reads it there), not only pending in this instance
    ServiceInternals.flushUses(service);
    CLOCK.advance(Duration.ofDays(6));

    // what the authentication answers now
    assertThat(Http.field(self(soonA[1]).body(), "reason")).isEqualTo("token_expired");
    assertThat(Http.field(self(far[1]).body(), "reason")).isEqualTo("token_expired");
    assertThat(Http.field(self(idleA[1]).body(), "reason")).isEqualTo("token_inactive");
    assertThat(self(busy[1]).statusCode()).isEqualTo(200);

    String[] session = http.signIn("admin", ADMIN_PASSWORD);
    List<Integer> pages = new ArrayList<>();
    List<String> stopped = listAll("stopped=true", pages, session);
    List<String> expected = List.of(soonA[0], soonB[0], far[0], idleA[0], idleB[0], idleC[0]);
    assertThat(stopped).containsExactlyInAnyOrderElementsOf(expected).doesNotHaveDuplicates();
    assertThat(pages).as("-total, then each page's size").containsExactly(-6, 2, 2, 2);

    List<Integer> formerPages = new ArrayList<>();
    assertThat(listAll("expired=true", formerPages, session))
        .as("the former name answers the same")
        .containsExactlyElementsOf(stopped);

    HttpResponse<String> bad = http.get("/api/v1/admin/personal-tokens?stopped=yes", session);
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("stopped");
  }
}
