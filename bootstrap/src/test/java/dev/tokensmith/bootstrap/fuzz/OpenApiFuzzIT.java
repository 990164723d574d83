package dev.tokensmith.bootstrap.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.tokensmith.application.fake.MutableClock;
import dev.tokensmith.bootstrap.Configuration;
import dev.tokensmith.bootstrap.TokensmithService;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Hostile requests for every operation of {@code docs/openapi.yaml}, against the whole service on
 * embedded PostgreSQL: bodies, path and query parameters and headers of the wrong types, huge,
 * unicode, with NUL characters and lone surrogates, nulls, duplicated keys and missing fields, sent
 * with a token, with a web UI session and with nothing. No answer may be a 5xx, show a stack trace
 * or hold one of the test's own secrets, and neither may any log line.
 *
 * <p>Sized for CI ({@value #DEFAULT_REQUESTS} requests); {@code -Dtokensmith.fuzz.requests=N} runs
 * more and {@code -Dtokensmith.fuzz.seed=S} another sequence (the seed is printed).
 */
class OpenApiFuzzIT {
  static final int DEFAULT_REQUESTS = 3000;
  static final Path OPENAPI = Path.of("..", "docs", "openapi.yaml");
  static final String ADMIN_PASSWORD = "fuzz admin password 7Qx!";
  static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete", "head");
  static final List<String> OTHER_METHODS =
      List.of("PUT", "TRACE", "OPTIONS", "PATCH", "DELETE", "POST", "GET", "HEAD");

  static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-06-01T08:00:00Z"));
  static final ByteArrayOutputStream LOGS = new ByteArrayOutputStream();
  static PrintStream originalErr;
  static PrintStream originalOut;
  static Path dataDir;
  static TokensmithService service;
  static HttpClient client;
  static String base;
  static JsonNode document;

  /** Every value the test must never see again: passwords, token values, session ids. */
  static final Set<String> SECRETS = new LinkedHashSet<>();

  static final java.util.concurrent.atomic.AtomicInteger RETRIES =
      new java.util.concurrent.atomic.AtomicInteger();

  static String personalToken;
  static String applicationToken;
  static String sessionCookie;
  static String csrfToken;

  /** A user the fuzzer may edit, disable or delete (see the hostile values). */
  static final String TARGET_LOGIN = "fuzz-target";

  @BeforeAll
  static void start() throws Exception {
    originalErr = System.err;
    originalOut = System.out;
    // slf4j-simple writes to System.err as it is at each line: everything the service logs
    System.setErr(new PrintStream(new Tee(LOGS, originalErr), true, StandardCharsets.UTF_8));
    System.setOut(new PrintStream(new Tee(LOGS, originalOut), true, StandardCharsets.UTF_8));
    dataDir = Files.createTempDirectory("tokensmith-fuzz");
    Configuration config =
        Configuration.from(
                Map.of(
                    "TOKENSMITH_HTTP_PORT", "0",
                    "TOKENSMITH_DATA_DIR", dataDir.toString(),
                    "TOKENSMITH_ADMIN_PASSWORD", ADMIN_PASSWORD,
                    "TOKENSMITH_DEMO_DATA", "false",
                    "TOKENSMITH_USAGE_FLUSH_MILLIS", "50"))
            .get();
    service =
        TokensmithService.start(config, CLOCK, new PrintStream(OutputStream.nullOutputStream()));
    client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    base = "http://127.0.0.1:" + service.port();
    document = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(OPENAPI));
    SECRETS.add(ADMIN_PASSWORD);
    logIn();
    HttpResponse<String> personal =
        send(
            "POST",
            "/api/v1/me/tokens",
            "application/json",
            "{\"application\":\"fuzz\",\"scopes\":[\"rest\"]}",
            sessionHeaders());
    assertThat(personal.statusCode()).as(personal.body()).isEqualTo(201);
    personalToken = field(personal.body(), "secret");
    HttpResponse<String> application =
        send(
            "POST",
            "/api/v1/admin/application-tokens",
            "application/json",
            "{\"login\":\"fuzz-app\",\"organization\":\"My Company\","
                + "\"profiles\":[\"Administrator\",\"REST Services User\"],"
                + "\"scopes\":[\"rest\",\"introspect\"]}",
            sessionHeaders());
    assertThat(application.statusCode()).as(application.body()).isEqualTo(201);
    applicationToken = field(application.body(), "secret");
    HttpResponse<String> target =
        send(
            "POST",
            "/api/v1/admin/users",
            "application/json",
            "{\"login\":\""
                + TARGET_LOGIN
                + "\",\"password\":\""
                + ADMIN_PASSWORD
                + "\",\"organization\":\"My Company\",\"profiles\":[\"Administrator\"],"
                + "\"contact\":{\"firstName\":\"Fuzz\",\"name\":\"Target\","
                + "\"email\":\"fuzz-target@example.org\"}}",
            sessionHeaders());
    assertThat(target.statusCode()).as(target.body()).isEqualTo(201);
    SECRETS.add(personalToken);
    SECRETS.add(applicationToken);
  }

  @AfterAll
  static void stop() {
    if (service != null) {
      service.close();
    }
    System.setErr(originalErr);
    System.setOut(originalOut);
  }

  @Test
  void noHostileRequestGetsA5xxAStackTraceOrASecret() throws Exception {
    int requests = Integer.getInteger("tokensmith.fuzz.requests", DEFAULT_REQUESTS);
    long seed = Long.getLong("tokensmith.fuzz.seed", 20261207L);
    Random random = new Random(seed);
    List<Operation> operations = Operation.all(document);
    assertThat(operations).hasSizeGreaterThanOrEqualTo(30);
    Hostile hostile = new Hostile(random);

    List<String> problems = new ArrayList<>();
    Map<String, Integer> statuses = new TreeMap<>();
    Set<String> covered = new LinkedHashSet<>();
    for (int i = 0; i < requests; i++) {
      Operation operation = operations.get(i % operations.size());
      Auth auth = Auth.values()[random.nextInt(Auth.values().length)];
      Attempt attempt = hostile.attempt(operation, auth);
      HttpResponse<String> response = sendAttempt(attempt, auth, random);
      int status = response.statusCode();
      statuses.merge(status / 100 + "xx " + status, 1, Integer::sum);
      covered.add(operation.method() + " " + operation.path() + " " + auth);
      String answer = response.headers().map() + "\n" + response.body();
      if (status >= 500) {
        problems.add(status + " for " + attempt.describe() + ": " + shorten(response.body()));
      }
      if (looksLikeAStackTrace(response.body())) {
        problems.add("stack trace for " + attempt.describe() + ": " + shorten(response.body()));
      }
      for (String secret : SECRETS) {
        if (answer.contains(secret)) {
          problems.add("a secret in the answer to " + attempt.describe());
        }
      }
      if (status == 429) {
        CLOCK.advance(Duration.ofHours(1)); // let the address try again (and end sessions)
      }
      if (status == 401 && auth == Auth.SESSION || i % 200 == 199) {
        logIn();
      }
    }
    String logs = LOGS.toString(StandardCharsets.UTF_8);
    for (String secret : SECRETS) {
      if (logs.contains(secret)) {
        problems.add("a secret in the log");
      }
    }
    if (looksLikeAStackTrace(logs)) {
      problems.add("a stack trace in the log");
    }
    for (String line : logs.split("\n")) {
      if (line.contains("unexpected failure")
          || line.contains("storage unavailable")
          || line.contains("input refused by the database")) {
        problems.add("log line: " + shorten(line));
      }
    }
    originalOut.printf(
        "openapi fuzz: %d requests (seed %d) over %d operations, %d operation x authentication"
            + " pairs, %d sent again on a fresh connection; statuses %s%n",
        requests, seed, operations.size(), covered.size(), RETRIES.get(), statuses);
    assertThat(problems).as("problems (%d)", problems.size()).isEmpty();
    assertThat(statuses.keySet()).noneMatch(s -> s.startsWith("5"));
    // the service still works for its owner afterwards
    HttpResponse<String> me = send("GET", "/api/v1/me", null, null, "Auth-Token", personalToken);
    assertThat(me.statusCode()).isEqualTo(200);
  }

  // ---- sending

  enum Auth {
    TOKEN,
    APPLICATION_TOKEN,
    SESSION,
    NONE,
    GARBAGE
  }

  static HttpResponse<String> sendAttempt(Attempt attempt, Auth auth, Random random)
      throws Exception {
    List<String> headers = new ArrayList<>(attempt.headers());
    String target = attempt.target();
    switch (auth) {
      case TOKEN -> addToken(headers, personalToken, random);
      case APPLICATION_TOKEN -> addToken(headers, applicationToken, random);
      case SESSION -> headers.addAll(sessionHeaders());
      case GARBAGE -> headers.addAll(List.of("Auth-Token", Hostile.printable(random, 80)));
      case NONE -> {}
    }
    if (random.nextInt(10) == 0 && (auth == Auth.TOKEN || auth == Auth.APPLICATION_TOKEN)) {
      // the same token in the query string too: the URL must never be logged with it
      target +=
          (target.contains("?") ? "&" : "?")
              + "auth_token="
              + (auth == Auth.TOKEN ? personalToken : applicationToken);
    }
    return send(
        attempt.method(),
        target,
        attempt.contentType(),
        attempt.body(),
        headers.toArray(String[]::new));
  }

  static void addToken(List<String> headers, String token, Random random) {
    if (random.nextBoolean()) {
      headers.addAll(List.of("Auth-Token", token));
    } else {
      headers.addAll(List.of("Authorization", "Bearer " + token));
    }
  }

  static List<String> sessionHeaders() {
    return List.of("Cookie", sessionCookie, "X-CSRF-Token", csrfToken);
  }

  static void logIn() {
    for (int tries = 0; tries < 3; tries++) {
      HttpResponse<String> response =
          send(
              "POST",
              "/api/v1/session",
              "application/json",
              "{\"login\":\"admin\",\"password\":\"" + ADMIN_PASSWORD + "\"}");
      if (response.statusCode() == 429) {
        CLOCK.advance(Duration.ofHours(1));
        continue;
      }
      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
      sessionCookie = response.headers().firstValue("Set-Cookie").orElseThrow().split(";", 2)[0];
      csrfToken = field(response.body(), "csrfToken");
      SECRETS.add(sessionCookie.substring(sessionCookie.indexOf('=') + 1));
      return;
    }
    throw new AssertionError("could not sign in again");
  }

  static HttpResponse<String> send(
      String method, String target, String contentType, String body, List<String> headers) {
    return send(method, target, contentType, body, headers.toArray(String[]::new));
  }

  static HttpResponse<String> send(
      String method, String target, String contentType, String body, String... headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + target)).timeout(Duration.ofSeconds(30));
    for (int i = 0; i + 1 < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    request.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    HttpRequest built = request.build();
    try {
      try {
        return client.send(built, HttpResponse.BodyHandlers.ofString());
      } catch (IOException closed) {
        // a kept-alive connection the server closed after the previous answer: once more, anew
        RETRIES.incrementAndGet();
        return client.send(built, HttpResponse.BodyHandlers.ofString());
      }
    } catch (IOException e) {
      throw new IllegalStateException(method + " " + target + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static boolean looksLikeAStackTrace(String text) {
    return text.contains("\tat ")
        || text.contains("at dev.tokensmith.")
        || text.contains("at java.")
        || text.contains("at io.javalin.")
        || text.contains("at org.eclipse.jetty.")
        || text.matches("(?s).*\\b\\w+(\\.\\w+)+(Exception|Error)\\b.*");
  }

  static String shorten(String text) {
    return text.length() > 300 ? text.substring(0, 300) + "…" : text;
  }

  static String field(String json, String name) {
    Matcher m = Pattern.compile("\"" + Pattern.quote(name) + "\":\"([^\"]*)\"").matcher(json);
    if (!m.find()) {
      throw new AssertionError("no field " + name + " in " + json);
    }
    return m.group(1);
  }

  // ---- the document

  /** One operation of the document: its parameters and the schema of its body, if any. */
  record Operation(
      String method,
      String path,
      List<Parameter> parameters,
      String contentType,
      JsonNode bodySchema) {
    static List<Operation> all(JsonNode document) {
      List<Operation> operations = new ArrayList<>();
      for (Iterator<Map.Entry<String, JsonNode>> paths = document.get("paths").fields();
          paths.hasNext(); ) {
        Map.Entry<String, JsonNode> path = paths.next();
        List<Parameter> shared = parameters(document, path.getValue().path("parameters"));
        for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields();
            ops.hasNext(); ) {
          Map.Entry<String, JsonNode> op = ops.next();
          if (!METHODS.contains(op.getKey())) {
            continue;
          }
          List<Parameter> parameters = new ArrayList<>(shared);
          parameters.addAll(parameters(document, op.getValue().path("parameters")));
          JsonNode content = op.getValue().path("requestBody").path("content");
          String contentType = null;
          JsonNode schema = null;
          Iterator<String> types = content.fieldNames();
          if (types.hasNext()) {
            contentType = types.next();
            schema = resolve(document, content.get(contentType).path("schema"));
          }
          operations.add(
              new Operation(
                  op.getKey().toUpperCase(Locale.ROOT),
                  path.getKey(),
                  parameters,
                  contentType,
                  schema));
        }
      }
      return operations;
    }

    private static List<Parameter> parameters(JsonNode document, JsonNode list) {
      List<Parameter> parameters = new ArrayList<>();
      for (JsonNode node : list) {
        JsonNode parameter = resolve(document, node);
        parameters.add(
            new Parameter(
                parameter.get("name").asText(),
                parameter.get("in").asText(),
                resolve(document, parameter.path("schema"))));
      }
      return parameters;
    }
  }

  record Parameter(String name, String in, JsonNode schema) {}

  static JsonNode resolve(JsonNode document, JsonNode node) {
    JsonNode current = node;
    while (current.has("$ref")) {
      JsonNode target = document;
      for (String part : current.get("$ref").asText().substring(2).split("/")) {
        target = target.path(part);
      }
      current = target;
    }
    return current;
  }

  // ---- one request

  record Attempt(
      String method, String target, String contentType, String body, List<String> headers) {
    String describe() {
      String shown = body == null ? "" : " body " + shorten(body);
      return method + " " + shorten(target) + " " + contentType + shown;
    }
  }

  /** Makes hostile requests out of an operation's description. */
  static final class Hostile {
    static final List<String> STRINGS =
        List.of(
            "",
            " ",
            "\u0000",
            "ad\u0000min",
            "My\u0000Company",
            "\ud800",
            "x\udc00y",
            "\udbff",
            "\ud83d\ude00",
            "\ud83d\ude00".repeat(300),
            "x".repeat(300),
            "x".repeat(5000),
            "' OR 1=1 --",
            "%00",
            "%ED%A0%80",
            "../../etc/passwd",
            "<script>alert(1)</script>",
            "\u202e\u0301\u200b",
            "\uffff\ufeff",
            "null",
            "true",
            "99999999999999999999999",
            "-1",
            "1e309",
            "2030-01-01T00:00:00Z",
            "1970-01-01T00:00:00Z",
            "+999999999-12-31T23:59:59Z",
            "tksp_0000000000000000000000000000000000000000000000000000000000000000000000",
            "rest",
            "introspect",
            "My Company",
            "Administrator",
            "REST Services User",
            "enabled",
            "disabled",
            // an existing user, never the signed-in administrator: the application token holds
            // Administrator and may rightly delete or disable any other user, which would lock
            // the run out of its session
            TARGET_LOGIN,
            "a\r\nX-Injected: yes",
            "\t\n",
            "SELECT Person WHERE name LIKE '%'",
            "SELECT Organization WHERE id = 99999999999999999999");

    private final Random random;

    Hostile(Random random) {
      this.random = random;
    }

    Attempt attempt(Operation operation, Auth auth) {
      String method = operation.method();
      if (random.nextInt(12) == 0) {
        method = OTHER_METHODS.get(random.nextInt(OTHER_METHODS.size()));
      }
      String path = operation.path();
      StringBuilder query = new StringBuilder();
      List<String> headers = new ArrayList<>();
      for (Parameter parameter : operation.parameters()) {
        switch (parameter.in()) {
          case "path" -> path = path.replace("{" + parameter.name() + "}", pathValue(parameter));
          case "query" -> {
            if (random.nextInt(3) > 0) {
              query.append(query.length() == 0 ? "?" : "&");
              query.append(encode(parameter.name())).append('=');
              query.append(encode(parameter.name().equals("json_data") ? itopJson() : string()));
            }
          }
          case "header" -> {
            if (random.nextBoolean() && auth != Auth.SESSION) {
              headers.addAll(List.of(parameter.name(), printable(random, 40)));
            }
          }
          default -> {}
        }
      }
      if (random.nextInt(8) == 0) {
        query.append(query.length() == 0 ? "?" : "&").append(encode(string())).append('=');
        query.append(encode(string()));
      }
      if (random.nextInt(10) == 0) {
        headers.addAll(List.of("X-Forwarded-For", printable(random, 30)));
      }
      if (operation.path().equals("/webservices/rest.php") && random.nextInt(3) == 0) {
        headers.addAll(
            List.of(
                "Authorization",
                "Basic "
                    + Base64.getEncoder()
                        .encodeToString(
                            (string() + ":" + string()).getBytes(StandardCharsets.UTF_8))));
      }
      String contentType = operation.contentType();
      String body = null;
      if (operation.bodySchema() != null || random.nextInt(6) == 0) {
        int kind = random.nextInt(20);
        if (kind == 0) {
          contentType = "text/plain";
          body = string();
        } else if (kind == 1) {
          body =
              List.of("{", "[]", "\"x\"", "null", "{\"a\":", "{}{}", "\u0000", "[".repeat(3000))
                  .get(random.nextInt(8));
        } else if (kind == 2) {
          contentType = "application/json";
          body = "{\"a\":".repeat(1500) + "1" + "}".repeat(1500);
        } else if (contentType != null && contentType.contains("form")) {
          body = form(operation.bodySchema());
          contentType = "application/x-www-form-urlencoded";
        } else {
          contentType = kind == 3 ? "application/x-www-form-urlencoded" : "application/json";
          body = json(operation.bodySchema(), 0);
        }
      }
      return new Attempt(method, path + query, contentType, body, headers);
    }

    private String pathValue(Parameter parameter) {
      if (random.nextInt(3) == 0) {
        StringBuilder id = new StringBuilder();
        for (int i = 0; i < 22; i++) {
          id.append(
              "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
                  .charAt(random.nextInt(62)));
        }
        return id.toString();
      }
      String value = string();
      return value.isEmpty() ? "x" : encode(value);
    }

    String string() {
      int kind = random.nextInt(4);
      if (kind == 0) {
        return randomChars();
      }
      return STRINGS.get(random.nextInt(STRINGS.size()));
    }

    /** Any UTF-16 units, lone surrogates and control characters included. */
    private String randomChars() {
      int length = random.nextInt(24);
      StringBuilder text = new StringBuilder(length);
      for (int i = 0; i < length; i++) {
        int range = random.nextInt(4);
        int unit =
            switch (range) {
              case 0 -> random.nextInt(0x20);
              case 1 -> 0x20 + random.nextInt(0x5f);
              case 2 -> 0xd800 + random.nextInt(0x800);
              default -> random.nextInt(0x10000);
            };
        text.append((char) unit);
      }
      return text.toString();
    }

    static String printable(Random random, int maxLength) {
      int length = 1 + random.nextInt(maxLength);
      StringBuilder text = new StringBuilder(length);
      for (int i = 0; i < length; i++) {
        text.append((char) (0x21 + random.nextInt(0x5e)));
      }
      return text.toString();
    }

    /** JSON text for {@code schema}, often of the wrong shape; strings with {@code \\uXXXX}. */
    String json(JsonNode schema, int depth) {
      int kind = random.nextInt(14);
      if (depth > 3 || kind == 0) {
        return scalar();
      }
      JsonNode type = schema == null ? null : schema.get("type");
      String typeName =
          type == null ? "object" : type.isArray() ? type.get(0).asText() : type.asText();
      if (kind == 1) {
        typeName = List.of("object", "array", "string", "integer").get(random.nextInt(4));
      }
      switch (typeName) {
        case "object" -> {
          List<String> members = new ArrayList<>();
          JsonNode properties =
              schema == null
                  ? com.fasterxml.jackson.databind.node.MissingNode.getInstance()
                  : resolve(document, schema).path("properties");
          for (Iterator<Map.Entry<String, JsonNode>> each = properties.fields(); each.hasNext(); ) {
            Map.Entry<String, JsonNode> property = each.next();
            if (random.nextInt(4) == 0) {
              continue; // missing
            }
            String value = json(resolve(document, property.getValue()), depth + 1);
            members.add(quote(property.getKey()) + ":" + value);
            if (random.nextInt(15) == 0) {
              members.add(quote(property.getKey()) + ":" + json(null, depth + 1)); // duplicated
            }
          }
          if (random.nextInt(8) == 0) {
            members.add(quote(string()) + ":" + scalar()); // unknown
          }
          return "{" + String.join(",", members) + "}";
        }
        case "array" -> {
          List<String> items = new ArrayList<>();
          int size = random.nextInt(5);
          JsonNode itemSchema = schema == null ? null : resolve(document, schema.path("items"));
          for (int i = 0; i < size; i++) {
            items.add(json(itemSchema, depth + 1));
          }
          return "[" + String.join(",", items) + "]";
        }
        case "integer", "number" -> {
          return List.of("0", "-1", "99999999999999999999999", "1.5", "1e400", "-0")
              .get(random.nextInt(6));
        }
        case "boolean" -> {
          return random.nextBoolean() ? "true" : "\"true\"";
        }
        default -> {
          JsonNode values = schema == null ? null : schema.get("enum");
          if (values != null && random.nextBoolean()) {
            return quote(values.get(random.nextInt(values.size())).asText());
          }
          return quote(string());
        }
      }
    }

    private String scalar() {
      return List.of("null", "0", "true", "[]", "{}", quote(string()), "-99999999999999999999")
          .get(random.nextInt(7));
    }

    private String form(JsonNode schema) {
      List<String> fields = new ArrayList<>();
      JsonNode properties = schema == null ? null : schema.path("properties");
      if (properties != null) {
        for (Iterator<String> names = properties.fieldNames(); names.hasNext(); ) {
          String name = names.next();
          if (random.nextInt(3) == 0) {
            continue;
          }
          String value = name.equals("json_data") ? itopJson() : string();
          fields.add(encode(name) + "=" + encode(value));
          if (random.nextInt(10) == 0) {
            fields.add(encode(name) + "=" + encode(string()));
          }
        }
      }
      return String.join("&", fields);
    }

    /** An iTop operation with hostile members, or no JSON at all. */
    private String itopJson() {
      if (random.nextInt(5) == 0) {
        return string();
      }
      String operation =
          List.of(
                  "list_operations",
                  "core/get",
                  "core/create",
                  "core/update",
                  "core/delete",
                  "core/check_credentials",
                  string())
              .get(random.nextInt(7));
      List<String> members = new ArrayList<>();
      members.add("\"operation\":" + quote(operation));
      for (String name :
          List.of(
              "class",
              "key",
              "output_fields",
              "fields",
              "comment",
              "user",
              "password",
              "limit",
              "page",
              "simulate")) {
        if (random.nextBoolean()) {
          String value =
              switch (name) {
                case "class" ->
                    quote(
                        List.of("Person", "Organization", "User", string()).get(random.nextInt(4)));
                case "key" ->
                    random.nextBoolean()
                        ? quote(string())
                        : "{\"name\":" + quote(string()) + ",\"id\":" + scalar() + "}";
                case "fields" ->
                    "{\"name\":"
                        + quote(string())
                        + ",\"first_name\":"
                        + quote(string())
                        + ",\"email\":"
                        + quote(string())
                        + ",\"org_id\":"
                        + scalar()
                        + "}";
                case "limit", "page" -> scalar();
                default -> random.nextBoolean() ? quote(string()) : scalar();
              };
          members.add(quote(name) + ":" + value);
        }
      }
      return "{" + String.join(",", members) + "}";
    }

    /** A JSON string literal; every non-ASCII or control unit escaped, lone surrogates too. */
    static String quote(String text) {
      StringBuilder out = new StringBuilder("\"");
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (c == '"' || c == '\\') {
          out.append('\\').append(c);
        } else if (c < 0x20 || c > 0x7e) {
          out.append(String.format("\\u%04x", (int) c));
        } else {
          out.append(c);
        }
      }
      return out.append('"').toString();
    }

    /**
     * Percent-encodes every unit but the unreserved ones; a lone surrogate as the three bytes of
     * its (invalid) UTF-8 form, as a hostile client would send it.
     */
    static String encode(String text) {
      StringBuilder out = new StringBuilder();
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if ((c >= 'a' && c <= 'z')
            || (c >= 'A' && c <= 'Z')
            || (c >= '0' && c <= '9')
            || c == '-'
            || c == '_'
            || c == '.'
            || c == '~') {
          out.append(c);
          continue;
        }
        byte[] bytes;
        if (Character.isHighSurrogate(c)
            && i + 1 < text.length()
            && Character.isLowSurrogate(text.charAt(i + 1))) {
          bytes = text.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
          i++;
        } else if (Character.isSurrogate(c)) {
          bytes =
              new byte[] {
                (byte) (0xe0 | (c >> 12)),
                (byte) (0x80 | ((c >> 6) & 0x3f)),
                (byte) (0x80 | (c & 0x3f))
              };
        } else {
          bytes = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
        }
        for (byte b : bytes) {
          out.append('%').append(String.format("%02X", b & 0xff));
        }
      }
      return out.toString();
    }
  }

  /** Writes to two streams. */
  static final class Tee extends OutputStream {
    private final OutputStream first;
    private final OutputStream second;

    Tee(OutputStream first, OutputStream second) {
      this.first = first;
      this.second = second;
    }

    @Override
    public synchronized void write(int b) throws IOException {
      first.write(b);
      second.write(b);
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) throws IOException {
      first.write(bytes, offset, length);
      second.write(bytes, offset, length);
    }

    @Override
    public void flush() throws IOException {
      first.flush();
      second.flush();
    }
  }
}
