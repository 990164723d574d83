package dev.tokensmith.adapter.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tokensmith.application.fake.InMemoryTokensmith;
import dev.tokensmith.application.fake.MutableClock;
import dev.tokensmith.application.port.in.CreateApplicationTokenCommand;
import dev.tokensmith.application.port.in.CreatePersonalTokenCommand;
import dev.tokensmith.application.port.in.IssuedToken;
import dev.tokensmith.application.service.TokensmithCore;
import dev.tokensmith.domain.account.Profile;
import dev.tokensmith.domain.account.User;
import dev.tokensmith.domain.token.TokenCodec;
import dev.tokensmith.domain.token.TokenId;
import dev.tokensmith.domain.token.TokenKind;
import dev.tokensmith.domain.token.TokenSecret;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vavr.control.Option;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The real HTTP adapter on a random port, in front of the whole core on in-memory adapters; with
 * helpers to make users, tokens, sessions and requests.
 */
public final class ApiServer implements AutoCloseable {
  public static final ObjectMapper JSON = new ObjectMapper();

  public final InMemoryTokensmith tokensmith;
  public final MutableClock clock;
  public final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  public final HttpApi api;
  private final HttpClient client = HttpClient.newHttpClient();
  private final java.util.concurrent.atomic.AtomicInteger logins =
      new java.util.concurrent.atomic.AtomicInteger();

  private ApiServer(
      InMemoryTokensmith tokensmith,
      UseCases useCases,
      HttpSettings settings,
      List<ApiExtension> extensions) {
    this.tokensmith = tokensmith;
    this.clock = tokensmith.clock;
    this.api =
        new HttpApi(
                useCases,
                settings.withClock(clock),
                registry,
                extensions,
                InMemoryNotifications.useCases())
            .start("127.0.0.1", 0);
  }

  public static ApiServer start() {
    return start(TokensmithCore.Settings.DEFAULT, settings -> settings);
  }

  public static ApiServer start(
      TokensmithCore.Settings coreSettings, UnaryOperator<HttpSettings> httpSettings) {
    InMemoryTokensmith tokensmith = new InMemoryTokensmith(coreSettings);
    return new ApiServer(
        tokensmith,
        TestUseCases.of(tokensmith.core),
        httpSettings.apply(HttpSettings.defaults()),
        List.of());
  }

  /** A server whose use cases are {@code useCases} (e.g. some replaced by failing ones). */
  public static ApiServer start(
      InMemoryTokensmith tokensmith, UseCases useCases, UnaryOperator<HttpSettings> httpSettings) {
    return start(tokensmith, useCases, httpSettings, List.of());
  }

  /** A server that also serves the routes of {@code extensions}, as the bootstrap wires them. */
  public static ApiServer start(
      InMemoryTokensmith tokensmith,
      UseCases useCases,
      UnaryOperator<HttpSettings> httpSettings,
      List<ApiExtension> extensions) {
    return new ApiServer(
        tokensmith, useCases, httpSettings.apply(HttpSettings.defaults()), extensions);
  }

  @Override
  public void close() {
    api.stop();
  }

  public URI uri(String pathAndQuery) {
    return URI.create("http://127.0.0.1:" + api.port() + pathAndQuery);
  }

  // ---- the world

  /** A well-formed personal token value for {@code id} with a random (so wrong) secret. */
  public static String randomSecretFor(TokenId id) {
    byte[] secret = new byte[TokenSecret.BYTES];
    new java.util.Random().nextBytes(secret);
    return new TokenCodec(TokenCodec.DEFAULT_PREFIX)
        .format(TokenKind.PERSONAL, id, new TokenSecret(secret))
        .reveal();
  }

  /** A login no other test of this server uses. */
  public String fresh(String name) {
    return name + "-" + logins.incrementAndGet();
  }

  public User user(String login, Profile... profiles) {
    return tokensmith.user(login, profiles);
  }

  /** A REST user: may own personal tokens and use them on REST endpoints. */
  public User restUser(String login) {
    return user(login, Profile.REST_SERVICES_USER);
  }

  public User administrator(String login) {
    return user(login, Profile.ADMINISTRATOR, Profile.REST_SERVICES_USER);
  }

  public IssuedToken issue(User owner, String... scopes) {
    return issue(owner, Option.none(), scopes);
  }

  public IssuedToken issue(User owner, Option<Instant> expiresAt, String... scopes) {
    return tokensmith
        .core
        .personalTokens
        .createPersonalToken(
            new CreatePersonalTokenCommand(
                owner, "tests of " + owner.login(), Set.of(scopes), expiresAt))
        .getOrElseThrow(failure -> new AssertionError(failure.message()));
  }

  /** A personal token value of {@code owner} with {@code scopes}. */
  public String token(User owner, String... scopes) {
    return issue(owner, scopes).value().reveal();
  }

  public IssuedToken applicationToken(
      User admin, String login, Set<String> profiles, String... scopes) {
    return tokensmith
        .core
        .applicationTokens
        .createApplicationToken(
            new CreateApplicationTokenCommand(
                admin, login, "My Company", profiles, Set.of(scopes), Option.none()))
        .getOrElseThrow(failure -> new AssertionError(failure.message()));
  }

  /** Logs {@code login} in with the fixture's password and returns the session. */
  public Session logIn(String login) {
    Res response =
        post("/api/v1/session")
            .json("{\"login\":\"" + login + "\",\"password\":\"password-of-" + login + "\"}")
            .send();
    if (response.status() != 200) {
      throw new AssertionError("login failed: " + response.status() + " " + response.body());
    }
    String setCookie = response.header("Set-Cookie");
    String cookie = setCookie.substring(0, setCookie.indexOf(';'));
    return new Session(cookie, response.json().get("csrfToken").asText());
  }

  /** A logged-in browser: its cookie ({@code name=value}) and CSRF token. */
  public record Session(String cookie, String csrfToken) {}

  // ---- requests

  public Req get(String path) {
    return new Req("GET", path);
  }

  public Req post(String path) {
    return new Req("POST", path);
  }

  public Req patch(String path) {
    return new Req("PATCH", path);
  }

  public Req delete(String path) {
    return new Req("DELETE", path);
  }

  public Req request(String method, String path) {
    return new Req(method, path);
  }

  /** A request being built. */
  public final class Req {
    private final String method;
    private final String path;
    private final List<String[]> headers = new ArrayList<>();
    private BodyPublisher body = BodyPublishers.noBody();

    Req(String method, String path) {
      this.method = method;
      this.path = path;
    }

    public Req header(String name, String value) {
      headers.add(new String[] {name, value});
      return this;
    }

    public Req authToken(String token) {
      return header("Auth-Token", token);
    }

    public Req bearer(String token) {
      return header("Authorization", "Bearer " + token);
    }

    /** With the session cookie and, on unsafe methods, its CSRF token. */
    public Req session(Session session) {
      header("Cookie", session.cookie());
      if (!method.equals("GET")) {
        header("X-CSRF-Token", session.csrfToken());
      }
      return this;
    }

    /** With the session cookie only. */
    public Req cookie(Session session) {
      return header("Cookie", session.cookie());
    }

    public Req json(String json) {
      header("Content-Type", "application/json");
      body = BodyPublishers.ofString(json);
      return this;
    }

    public Req form(String urlencoded) {
      header("Content-Type", "application/x-www-form-urlencoded");
      body = BodyPublishers.ofString(urlencoded);
      return this;
    }

    public Req multipart(String name, String value) {
      String boundary = "tokensmith-test-boundary";
      header("Content-Type", "multipart/form-data; boundary=" + boundary);
      body =
          BodyPublishers.ofString(
              "--"
                  + boundary
                  + "\r\nContent-Disposition: form-data; name=\""
                  + name
                  + "\"\r\n\r\n"
                  + value
                  + "\r\n--"
                  + boundary
                  + "--\r\n");
      return this;
    }

    public Req rawBody(String contentType, byte[] bytes) {
      header("Content-Type", contentType);
      body = BodyPublishers.ofByteArray(bytes);
      return this;
    }

    public Res send() {
      HttpRequest.Builder builder = HttpRequest.newBuilder(uri(path)).method(method, body);
      for (String[] header : headers) {
        builder.header(header[0], header[1]);
      }
      HttpRequest request = builder.build();
      try {
        HttpResponse<String> response;
        try {
          response =
              client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException stale) {
          // a pooled connection the server had just closed (after refusing an earlier body) gives
          // no bytes at all: the request never reached the server, so sending it again is safe
          if (stale.getMessage() == null || !stale.getMessage().contains("received no bytes")) {
            throw stale;
          }
          response =
              client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        }
        return new Res(response.statusCode(), response.headers(), response.body());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  /**
   * Sends a request as raw bytes over a socket, for targets {@link HttpClient} refuses to send
   * (e.g. a broken percent-encoding). Answers status and body; headers are not parsed.
   */
  public Res raw(String method, String target, String... headerLines) {
    try (java.net.Socket socket = new java.net.Socket("127.0.0.1", api.port())) {
      StringBuilder request = new StringBuilder(method + " " + target + " HTTP/1.1\r\n");
      request.append("Host: 127.0.0.1\r\nConnection: close\r\n");
      for (String line : headerLines) {
        request.append(line).append("\r\n");
      }
      socket
          .getOutputStream()
          .write(request.append("\r\n").toString().getBytes(StandardCharsets.UTF_8));
      String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      int status = Integer.parseInt(response.substring(9, 12));
      String head = response.substring(0, response.indexOf("\r\n\r\n"));
      String body = response.substring(head.length() + 4);
      if (head.toLowerCase(java.util.Locale.ROOT).contains("transfer-encoding: chunked")) {
        StringBuilder decoded = new StringBuilder();
        int at = 0;
        while (true) {
          int lineEnd = body.indexOf("\r\n", at);
          int size = Integer.parseInt(body.substring(at, lineEnd).trim(), 16);
          if (size == 0) {
            break;
          }
          decoded.append(body, lineEnd + 2, lineEnd + 2 + size);
          at = lineEnd + 2 + size + 2;
        }
        body = decoded.toString();
      }
      return new Res(status, HttpHeaders.of(java.util.Map.of(), (a, b) -> true), body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A response. */
  public record Res(int status, HttpHeaders headers, String body) {
    public JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new AssertionError("not JSON: " + body, e);
      }
    }

    public String header(String name) {
      return headers.firstValue(name).orElse(null);
    }

    @Override
    public String toString() {
      return status + " " + body;
    }
  }
}
