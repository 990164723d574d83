package dev.tokensmith.bootstrap.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The service's JSON API called from the tests with {@link HttpClient}: to prepare what a browser
 * test needs faster than through the pages, and to use token values the pages showed.
 */
final class Api {
  static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient client = HttpClient.newHttpClient();
  private final String base;

  Api(String base) {
    this.base = base;
  }

  /** A response: status and body. */
  record Response(int status, String body) {
    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new AssertionError("not JSON: " + body, e);
      }
    }

    Response expect(int expected) {
      if (status != expected) {
        throw new AssertionError("expected " + expected + " but got " + status + ": " + body);
      }
      return this;
    }
  }

  /** A web UI session opened through the API: its cookie value and its CSRF token. */
  final class Session {
    final String cookie;
    final String csrfToken;

    private Session(String cookie, String csrfToken) {
      this.cookie = cookie;
      this.csrfToken = csrfToken;
    }

    Response get(String path) {
      return send(request(path).GET());
    }

    Response post(String path, Object body) {
      return send(request(path).POST(json(body)).header("Content-Type", "application/json"));
    }

    Response patch(String path, Object body) {
      return send(
          request(path).method("PATCH", json(body)).header("Content-Type", "application/json"));
    }

    Response put(String path, Object body) {
      return send(request(path).PUT(json(body)).header("Content-Type", "application/json"));
    }

    Response delete(String path) {
      return send(request(path).DELETE());
    }

    private HttpRequest.Builder request(String path) {
      return HttpRequest.newBuilder(URI.create(base + path))
          .header("Cookie", "tokensmith_session=" + cookie)
          .header("X-CSRF-Token", csrfToken);
    }

    /** Creates a personal token of this session's user; answers {@code {"token","secret"}}. */
    JsonNode createToken(String application, List<String> scopes, Instant expiresAt) {
      Map<String, Object> body =
          new java.util.LinkedHashMap<>(Map.of("application", application, "scopes", scopes));
      body.put("expiresAt", expiresAt == null ? null : expiresAt.toString());
      return post("/api/v1/me/tokens", body).expect(201).json();
    }

    /** Creates a user (administrators only) in {@code My Company}. */
    void createUser(
        String login, String password, List<String> profiles, String firstName, String name) {
      post(
              "/api/v1/admin/users",
              Map.of(
                  "login",
                  login,
                  "password",
                  password,
                  "organization",
                  "My Company",
                  "profiles",
                  profiles,
                  "contact",
                  Map.of("firstName", firstName, "name", name, "email", login + "@example.com")))
          .expect(201);
    }
  }

  Response logIn(String login, String password) {
    return send(
        HttpRequest.newBuilder(URI.create(base + "/api/v1/session"))
            .header("Content-Type", "application/json")
            .POST(json(Map.of("login", login, "password", password))));
  }

  Session session(String login, String password) {
    HttpResponse<String> response =
        raw(
            HttpRequest.newBuilder(URI.create(base + "/api/v1/session"))
                .header("Content-Type", "application/json")
                .POST(json(Map.of("login", login, "password", password))));
    if (response.statusCode() != 200) {
      throw new AssertionError("login of " + login + " failed: " + response.body());
    }
    String setCookie = response.headers().firstValue("Set-Cookie").orElseThrow();
    String cookie = setCookie.substring(setCookie.indexOf('=') + 1, setCookie.indexOf(';'));
    String csrf = new Response(200, response.body()).json().get("csrfToken").asText();
    return new Session(cookie, csrf);
  }

  /** {@code GET /api/v1/tokens/self} with the value in the header {@code Auth-Token}. */
  Response self(String tokenValue) {
    return send(
        HttpRequest.newBuilder(URI.create(base + "/api/v1/tokens/self"))
            .header("Auth-Token", tokenValue)
            .GET());
  }

  Response get(String path) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
  }

  /** {@code PUT path} with a JSON body, authenticated by {@code tokenValue}. */
  Response putWithToken(String path, String tokenValue, Object body) {
    return send(
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Authorization", "Bearer " + tokenValue)
            .header("Content-Type", "application/json")
            .PUT(json(body)));
  }

  private Response send(HttpRequest.Builder request) {
    HttpResponse<String> response = raw(request);
    return new Response(response.statusCode(), response.body());
  }

  private HttpResponse<String> raw(HttpRequest.Builder request) {
    try {
      return client.send(
          request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static HttpRequest.BodyPublisher json(Object body) {
    try {
      return BodyPublishers.ofString(JSON.writeValueAsString(body));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
