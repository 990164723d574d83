package dev.tokensmith.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokensmith.adapter.http.ApiServer.Res;
import dev.tokensmith.application.service.TokensmithCore;
import dev.tokensmith.domain.token.Scope;
import dev.tokensmith.domain.token.ScopeCatalog;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code /metrics}: open by default, behind a token with scope {@code metrics} on demand. */
class MetricsAccessTest {
  @Test
  void protectedMetricsNeedATokenWithTheMetricsScope() {
    TokensmithCore.Settings withMetricsScope =
        new TokensmithCore.Settings(
            TokensmithCore.Settings.DEFAULT.codec(),
            ScopeCatalog.standard().with(List.of(Scope.METRICS)),
            TokensmithCore.Settings.DEFAULT.rules(),
            TokensmithCore.Settings.DEFAULT.policy());
    try (ApiServer server =
        ApiServer.start(withMetricsScope, settings -> settings.withMetricsNeedToken(true))) {
      var admin = server.administrator(server.fresh("root"));
      Res anonymous = server.get("/metrics").send();
      assertThat(anonymous.status()).isEqualTo(401);
      assertThat(anonymous.body()).doesNotContain("jvm_").doesNotContain("tokensmith_");

      Res restOnly = server.get("/metrics").bearer(server.token(admin, "rest")).send();
      assertThat(restOnly.status()).isEqualTo(403);
      assertThat(restOnly.json().get("reason").asText()).isEqualTo("scope_not_granted");

      Res scraper = server.get("/metrics").bearer(server.token(admin, "metrics")).send();
      assertThat(scraper.status()).isEqualTo(200);
      assertThat(scraper.body()).contains("tokensmith_authentications_total");

      // a session does not open it either: it is for scrapers, not browsers
      Res withSession = server.get("/metrics").cookie(server.logIn(admin.login())).send();
      assertThat(withSession.status()).isEqualTo(401);
    }
  }

  @Test
  void metricsAreOpenByDefault() {
    try (ApiServer server = ApiServer.start()) {
      assertThat(server.get("/metrics").send().status()).isEqualTo(200);
    }
  }
}
