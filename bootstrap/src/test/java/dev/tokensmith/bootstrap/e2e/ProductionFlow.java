package dev.tokensmith.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * What a production database set-up must carry, driven over HTTP: sign in, create a token,
 * authenticate, refresh (the old value refused at the next call), {@value #THREADS} threads ×
 * {@value #ROUNDS} authentications counted exactly, rest.php {@code core/get}, delete; every
 * answer's status is kept, so that no 5xx passes unseen.
 */
final class ProductionFlow {
  static final int THREADS = 8;
  static final int ROUNDS = 500;

  private final Http http;
  private final Queue<Integer> statuses = new ConcurrentLinkedQueue<>();

  ProductionFlow(Http http) {
    this.http = http;
  }

  /** Runs the flow as the administrator signing in with {@code adminPassword}. */
  void run(String adminPassword) throws Exception {
    HttpResponse<String> signIn =
        kept(
            http.send(
                "POST",
                "/api/v1/session",
                "{\"login\":\"admin\",\"password\":\"" + adminPassword + "\"}"));
    assertThat(signIn.statusCode()).as(signIn.body()).isEqualTo(200);
    String[] admin = {
      "Cookie",
      signIn.headers().firstValue("Set-Cookie").orElseThrow().split(";", 2)[0],
      "X-CSRF-Token",
      Http.field(signIn.body(), "csrfToken")
    };

    String created = createToken(admin, "through the database set-up");
    String id = Http.field(created, "id");
    String first = Http.field(created, "secret");
    assertThat(self(first).statusCode()).isEqualTo(200);

    HttpResponse<String> refreshed =
        kept(http.send("POST", "/api/v1/me/tokens/" + id + "/refresh", null, admin));
    assertThat(refreshed.statusCode()).as(refreshed.body()).isEqualTo(200);
    String second = Http.field(refreshed.body(), "secret");
    HttpResponse<String> old = self(first);
    assertThat(old.statusCode()).isEqualTo(401);
    assertThat(Http.field(old.body(), "reason")).isEqualTo("token_refreshed");
    assertThat(self(second).statusCode()).isEqualTo(200);

    String counted = createToken(admin, "counted through the database set-up");
    String countedSecret = Http.field(counted, "secret");
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<Integer>> workers = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        workers.add(
            pool.submit(
                () -> {
                  int ok = 0;
                  for (int i = 0; i < ROUNDS; i++) {
                    if (self(countedSecret).statusCode() == 200) {
                      ok++;
                    }
                  }
                  return ok;
                }));
      }
      int ok = 0;
      for (Future<Integer> worker : workers) {
        ok += worker.get();
      }
      assertThat(ok).isEqualTo(THREADS * ROUNDS);
    } finally {
      pool.shutdownNow();
    }
    HttpResponse<String> view =
        kept(http.get("/api/v1/me/tokens/" + Http.field(counted, "id"), admin));
    assertThat(Http.number(view.body(), "useCount")).isEqualTo(THREADS * ROUNDS);

    String json =
        "{\"operation\":\"core/get\",\"class\":\"Person\",\"key\":\"SELECT Person\","
            + "\"output_fields\":\"friendlyname, email\"}";
    HttpResponse<String> rest =
        kept(
            http.send(
                "POST",
                "/webservices/rest.php?version=1.3&json_data="
                    + URLEncoder.encode(json, StandardCharsets.UTF_8),
                null,
                "Auth-Token",
                second));
    assertThat(rest.statusCode()).as(rest.body()).isEqualTo(200);
    assertThat(rest.body()).contains("\"code\":0").contains("\"message\":\"Found: ");

    HttpResponse<String> deleted =
        kept(http.send("DELETE", "/api/v1/me/tokens/" + id, null, admin));
    assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(204);
    HttpResponse<String> afterDelete = self(second);
    assertThat(afterDelete.statusCode()).isEqualTo(401);
    assertThat(Http.field(afterDelete.body(), "reason")).isEqualTo("token_deleted");

    assertThat(statuses).isNotEmpty().allSatisfy(status -> assertThat(status).isLessThan(500));
  }

  /** How many requests the flow sent. */
  int requests() {
    return statuses.size();
  }

  private String createToken(String[] session, String application) {
    HttpResponse<String> created =
        kept(
            http.send(
                "POST",
                "/api/v1/me/tokens",
                "{\"application\":\"" + application + "\",\"scopes\":[\"rest\"]}",
                session));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return created.body();
  }

  private HttpResponse<String> self(String token) {
    return kept(http.get("/api/v1/tokens/self", "Auth-Token", token));
  }

  private HttpResponse<String> kept(HttpResponse<String> response) {
    statuses.add(response.statusCode());
    return response;
  }
}
