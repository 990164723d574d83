package dev.tokensmith.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokensmith.application.fake.MutableClock;
import dev.tokensmith.bootstrap.TokensmithService;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code TOKENSMITH_TOKEN_DIGEST=argon2id} on the real stack: an installation switches from HMAC
 * with its tokens in place, new tokens get Argon2id digests, and refresh and delete still take
 * effect at once although verified values are cached.
 */
class Argon2DigestModeIT {
  private static final String ADMIN_PASSWORD = "an admin password for tests";
  private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-06-01T08:00:00Z"));

  private static TokensmithService start(Path dataDir, String digest) {
    Map<String, String> environment = InJvmService.environment(dataDir, ADMIN_PASSWORD);
    environment.put("TOKENSMITH_DEMO_DATA", "false");
    environment.put("TOKENSMITH_TOKEN_DIGEST", digest);
    return InJvmService.start(environment, CLOCK);
  }

  private static String[] session(Http http) {
    return http.signIn("admin", ADMIN_PASSWORD);
  }

  private static HttpResponse<String> created(Http http, String[] session) {
    HttpResponse<String> created =
        http.send(
            "POST",
            "/api/v1/me/tokens",
            "{\"application\":\"argon2 mode\",\"scopes\":[\"rest\"]}",
            session);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return created;
  }

  private static HttpResponse<String> self(Http http, String token) {
    return http.get("/api/v1/tokens/self", "Auth-Token", token);
  }

  @Test
  void hmacTokensKeepWorkingAndArgon2idTokensRefreshAndDeleteAtOnce() throws Exception {
    Path dataDir = Files.createTempDirectory("tokensmith-argon2");
    String hmacToken;
    try (TokensmithService hmac = start(dataDir, "hmac")) {
      Http http = new Http(hmac.port());
      hmacToken = Http.field(created(http, session(http)).body(), "secret");
      assertThat(self(http, hmacToken).statusCode()).isEqualTo(200);
    }

    try (TokensmithService argon2 = start(dataDir, "argon2id")) {
      Http http = new Http(argon2.port());
      assertThat(self(http, hmacToken).statusCode())
          .as("an HMAC digest still verifies")
          .isEqualTo(200);

      String[] session = session(http);
      HttpResponse<String> created = created(http, session);
      String token = Http.field(created.body(), "secret");
      String id = Http.field(created.body(), "id");
      for (int i = 0; i < 3; i++) {
        assertThat(self(http, token).statusCode()).isEqualTo(200);
      }
      assertThat(Http.number(self(http, token).body(), "useCount")).isEqualTo(4);

      HttpResponse<String> refreshed =
          http.send("POST", "/api/v1/me/tokens/" + id + "/refresh", null, session);
      assertThat(refreshed.statusCode()).as(refreshed.body()).isEqualTo(200);
      HttpResponse<String> old = self(http, token);
      assertThat(old.statusCode()).isEqualTo(401);
      assertThat(Http.field(old.body(), "reason")).isEqualTo("token_refreshed");
      String fresh = Http.field(refreshed.body(), "secret");
      assertThat(self(http, fresh).statusCode()).isEqualTo(200);

      assertThat(http.send("DELETE", "/api/v1/me/tokens/" + id, null, session).statusCode())
          .isEqualTo(204);
      HttpResponse<String> deleted = self(http, fresh);
      assertThat(deleted.statusCode()).isEqualTo(401);
      assertThat(Http.field(deleted.body(), "reason")).isEqualTo("token_deleted");
    }
  }
}
