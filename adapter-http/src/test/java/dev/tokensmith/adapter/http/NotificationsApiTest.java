package dev.tokensmith.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokensmith.adapter.http.ApiServer.Res;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The notification routes' input checks and access rules (their behaviour: NotificationsIT). */
class NotificationsApiTest {
  static ApiServer server;

  @BeforeAll
  static void start() {
    server = ApiServer.start();
    server.administrator("root");
    server.restUser("mallory");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void badChoicesAreRefusedNamingTheField() {
    ApiServer.Session session = server.logIn("mallory");
    Res missing =
        server.request("PUT", "/api/v1/me/notifications").session(session).json("{}").send();
    assertThat(missing.status()).isEqualTo(400);
    assertThat(missing.body()).contains("enabled");
    Res unknown =
        server
            .request("PUT", "/api/v1/me/notifications")
            .session(session)
            .json("{\"enabled\":[\"token.created\",\"token.exploded\"]}")
            .send();
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.body()).contains("token.exploded").contains("token.expiry_coming");
    Res extra =
        server
            .request("PUT", "/api/v1/me/notifications")
            .session(session)
            .json("{\"enabled\":[],\"email\":\"x@example.org\"}")
            .send();
    assertThat(extra.status()).isEqualTo(400);
    Res chosen =
        server
            .request("PUT", "/api/v1/me/notifications")
            .session(session)
            .json("{\"enabled\":[\"token.revoked\"]}")
            .send();
    assertThat(chosen.status()).isEqualTo(200);
    assertThat(chosen.body())
        .contains(
            "{\"event\":\"token.revoked\",\"title\":\"A token was revoked by its value\",\"enabled\":true}")
        .contains(
            "\"event\":\"token.created\",\"title\":\"A token was created\",\"enabled\":false}");
  }

  @Test
  void onlyAdministratorsManageWebhooksAndTheSecretIsInTheCreationAnswerOnly() {
    ApiServer.Session user = server.logIn("mallory");
    assertThat(server.get("/api/v1/admin/webhooks").session(user).send().status()).isEqualTo(403);
    assertThat(
            server
                .post("/api/v1/admin/webhooks")
                .session(user)
                .json("{\"url\":\"https://example.org/h\"}")
                .send()
                .status())
        .isEqualTo(403);
    assertThat(server.get("/api/v1/admin/notification-deliveries").session(user).send().status())
        .isEqualTo(403);

    ApiServer.Session admin = server.logIn("root");
    Res created =
        server
            .post("/api/v1/admin/webhooks")
            .session(admin)
            .json("{\"url\":\"https://example.org/h\",\"events\":[\"token.deleted\"]}")
            .send();
    assertThat(created.status()).isEqualTo(201);
    assertThat(created.json().get("secret").asText()).startsWith("whsec_");
    assertThat(created.json().get("webhook").get("events").get(0).asText())
        .isEqualTo("token.deleted");
    Res listed = server.get("/api/v1/admin/webhooks").session(admin).send();
    assertThat(listed.body()).contains("https://example.org/h").doesNotContain("whsec_");
  }

  @Test
  void badWebhookAndDeliveryInputIsA400NamingTheField() {
    ApiServer.Session admin = server.logIn("root");
    Res noUrl = server.post("/api/v1/admin/webhooks").session(admin).json("{}").send();
    assertThat(noUrl.status()).isEqualTo(400);
    assertThat(noUrl.body()).contains("url");
    Res badEvent =
        server
            .post("/api/v1/admin/webhooks")
            .session(admin)
            .json("{\"url\":\"https://example.org/h\",\"events\":\"token.created\"}")
            .send();
    assertThat(badEvent.status()).isEqualTo(400);
    assertThat(badEvent.body()).contains("events");
    assertThat(server.delete("/api/v1/admin/webhooks/x1").session(admin).send().status())
        .isEqualTo(400);
    assertThat(
            server
                .delete("/api/v1/admin/webhooks/99999999999999999999")
                .session(admin)
                .send()
                .status())
        .isEqualTo(400);
    assertThat(server.delete("/api/v1/admin/webhooks/424242").session(admin).send().status())
        .isEqualTo(404);
    Res state =
        server.get("/api/v1/admin/notification-deliveries?state=lost").session(admin).send();
    assertThat(state.status()).isEqualTo(400);
    assertThat(state.body()).contains("state");
    assertThat(
            server
                .get("/api/v1/admin/notification-deliveries?limit=501")
                .session(admin)
                .send()
                .status())
        .isEqualTo(400);
  }
}
