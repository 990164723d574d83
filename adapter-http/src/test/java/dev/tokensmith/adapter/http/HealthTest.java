package dev.tokensmith.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class HealthTest {
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
  void livenessAndReadinessAnswerUp() {
    assertThat(server.get("/health/live").send().json().toString())
        .isEqualTo("{\"status\":\"up\"}");
    ApiServer.Res ready = server.get("/health/ready").send();
    assertThat(ready.status()).isEqualTo(200);
    assertThat(ready.json().get("status").asText()).isEqualTo("up");
  }

  @Test
  void everyResponseCarriesTheSecurityHeaders() {
    ApiServer.Res response = server.get("/health/live").send();
    assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(response.header("Referrer-Policy")).isEqualTo("no-referrer");
    ApiServer.Res missing = server.get("/api/v1/nothing-here").send();
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.header("Cache-Control")).isEqualTo("no-store");
    assertThat(missing.json().get("error").asText()).isEqualTo("not_found");
  }

  @Test
  void metricsCountAuthenticationsByOutcomeAndReason() {
    server.get("/api/v1/me").authToken("tksp_nope").send();
    server.get("/api/v1/me").send();
    String metrics = server.get("/metrics").send().body();
    assertThat(metrics)
        .contains(
            "tokensmith_authentications_total{outcome=\"failure\",reason=\"malformed_token\"} 1.0")
        .contains(
            "tokensmith_authentications_total{outcome=\"failure\",reason=\"missing_credentials\"} 1.0")
        .contains("route=\"/api/v1/me\",status=\"401\"");
  }

  @Test
  void metricsCountRequestsByRouteTemplate() {
    server.get("/health/live").send();
    ApiServer.Res metrics = server.get("/metrics").send();
    assertThat(metrics.status()).isEqualTo(200);
    assertThat(metrics.header("Content-Type")).startsWith("text/plain");
    assertThat(metrics.body())
        .contains(
            "http_server_requests_seconds_count{method=\"GET\",route=\"/health/live\",status=\"200\"}");
  }
}
