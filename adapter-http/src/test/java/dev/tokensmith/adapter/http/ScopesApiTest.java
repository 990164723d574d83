package dev.tokensmith.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tokensmith.adapter.http.ApiServer.Res;
import dev.tokensmith.domain.account.User;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The scope catalogue: services register their scopes, the token forms list and use them. */
class ScopesApiTest {
  static ApiServer server;
  static String service;
  static User alice;

  @BeforeAll
  static void start() {
    server = ApiServer.start();
    service = server.token(server.restUser("billing-service"), "introspect");
    alice = server.restUser("alice");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static List<String> names(Res response) {
    List<String> names = new ArrayList<>();
    for (JsonNode scope : response.json()) {
      names.add(scope.get("name").asText());
    }
    return names;
  }

  @Test
  void aRegisteredScopeIsListedAndCanBeGivenToAToken() {
    Res registered =
        server
            .request("PUT", "/api/v1/scopes/billing:read")
            .bearer(service)
            .json("{\"description\":\"Read invoices\"}")
            .send();
    assertThat(registered.status()).as(registered.toString()).isEqualTo(200);
    assertThat(registered.json().get("standard").asBoolean()).isFalse();

    Res listed = server.get("/api/v1/scopes").bearer(server.token(alice, "rest")).send();
    assertThat(listed.status()).isEqualTo(200);
    assertThat(names(listed)).contains("rest", "introspect", "billing:read");

    Res created =
        server
            .post("/api/v1/me/tokens")
            .session(server.logIn("alice"))
            .json("{\"application\":\"billing\",\"scopes\":[\"billing:read\"]}")
            .send();
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
  }

  @Test
  void anUnregisteredScopeIsRefusedForAToken() {
    Res created =
        server
            .post("/api/v1/me/tokens")
            .session(server.logIn("alice"))
            .json("{\"application\":\"x\",\"scopes\":[\"payroll:read\"]}")
            .send();
    assertThat(created.status()).isEqualTo(400);
  }

  @Test
  void registeringNeedsTheScopeIntrospect() {
    Res response =
        server
            .request("PUT", "/api/v1/scopes/billing:write")
            .bearer(server.token(alice, "rest"))
            .json("{\"description\":\"Write invoices\"}")
            .send();
    assertThat(response.status()).isEqualTo(403);
  }

  @Test
  void badNamesAndDescriptionsAreRefusedByName() {
    Res badName =
        server
            .request("PUT", "/api/v1/scopes/Billing%20Read")
            .bearer(service)
            .json("{\"description\":\"x\"}")
            .send();
    assertThat(badName.status()).isEqualTo(400);
    assertThat(badName.body()).contains("name");

    Res standard =
        server
            .request("PUT", "/api/v1/scopes/rest")
            .bearer(service)
            .json("{\"description\":\"x\"}")
            .send();
    assertThat(standard.status()).isEqualTo(400);
    assertThat(standard.body()).contains("standard scope");

    Res noDescription =
        server.request("PUT", "/api/v1/scopes/billing:x").bearer(service).json("{}").send();
    assertThat(noDescription.status()).isEqualTo(400);
    assertThat(noDescription.body()).contains("description");
  }
}
