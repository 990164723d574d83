package dev.tokensmith.bootstrap.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.Assertions;

/** A small HTTP client for the end-to-end tests: JSON in, status and body out. */
final class Http {
  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String base;

  Http(int port) {
    this.base = "http://127.0.0.1:" + port;
  }

  HttpResponse<String> send(String method, String path, String json, String... headers) {
    HttpRequest.Builder request =
        // generous: a loaded 2-core CI machine runs the service, its database and the test at once
        request(path).timeout(Duration.ofSeconds(60));
    if (headers.length > 0) {
      request.headers(headers);
    }
    if (json != null) {
      request.header("Content-Type", "application/json");
      request.method(method, HttpRequest.BodyPublishers.ofString(json));
    } else {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    }
    return send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** A request to {@code path} of the service, for the test to build. */
  HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(base + path));
  }

  /** Sends a request the test built itself (its own timeout, headers and body). */
  <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> body) {
    try {
      return client.send(request, body);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The service's address, {@code http://127.0.0.1:<port>}. */
  String base() {
    return base;
  }

  HttpResponse<String> get(String path, String... headers) {
    return send("GET", path, null, headers);
  }

  /** Signs {@code login} in; the session's headers: its cookie and its CSRF token. */
  String[] signIn(String login, String password) {
    HttpResponse<String> response =
        send(
            "POST",
            "/api/v1/session",
            "{\"login\":\"" + login + "\",\"password\":\"" + password + "\"}");
    Assertions.assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    String cookie = response.headers().firstValue("Set-Cookie").orElseThrow().split(";", 2)[0];
    return new String[] {"Cookie", cookie, "X-CSRF-Token", field(response.body(), "csrfToken")};
  }

  /**
   * A personal token made through the API in {@code session} (from {@link #signIn}) for {@code
   * application} with {@code scopes} (JSON strings, comma-separated): the response's body.
   */
  String createToken(String[] session, String application, String scopes) {
    HttpResponse<String> created =
        send(
            "POST",
            "/api/v1/me/tokens",
            "{\"application\":\"" + application + "\",\"scopes\":[" + scopes + "]}",
            session);
    Assertions.assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return created.body();
  }

  /** The secret of a token {@link #createToken} makes. */
  String token(String[] session, String application, String scopes) {
    return field(createToken(session, application, scopes), "secret");
  }

  /** The SQL statements the service has sent so far, as {@code /metrics} counts them. */
  long sqlStatements() {
    long total = 0;
    for (String line : get("/metrics").body().split("\n")) {
      if (line.startsWith("tokensmith_sql_statements_total")) {
        total += (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
      }
    }
    return total;
  }

  /** The string value of a top-level or nested JSON field, found by name (first occurrence). */
  static String field(String json, String name) {
    Matcher m = Pattern.compile("\"" + Pattern.quote(name) + "\":\"([^\"]*)\"").matcher(json);
    if (!m.find()) {
      throw new AssertionError("no field " + name + " in " + json);
    }
    return m.group(1);
  }

  /** The numeric value of a JSON field, found by name (first occurrence). */
  static long number(String json, String name) {
    Matcher m = Pattern.compile("\"" + Pattern.quote(name) + "\":(-?\\d+)").matcher(json);
    if (!m.find()) {
      throw new AssertionError("no number " + name + " in " + json);
    }
    return Long.parseLong(m.group(1));
  }
}
