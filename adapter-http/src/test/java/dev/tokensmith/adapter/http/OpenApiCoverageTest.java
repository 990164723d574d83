package dev.tokensmith.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.javalin.router.Endpoint;
import io.javalin.router.ParsedEndpoint;
import io.javalin.security.Roles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code docs/openapi.yaml} describes exactly the routes registered in Javalin. */
class OpenApiCoverageTest {
  static final Path OPENAPI = Path.of("..", "docs", "openapi.yaml");
  static final Set<String> METHODS =
      Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

  /**
   * Routes that are not API operations, left out of the document on purpose: the web UI's static
   * files (scripts, style sheet, icon), one route whose {@code <path>} spans several segments,
   * which an OpenAPI path template cannot express.
   */
  static final Set<String> NOT_DESCRIBED = Set.of("GET /web/<path>");

  /**
   * Paths served by an {@link ApiExtension} rather than by this adapter: iTop's webservices and
   * synchro pages, whose description the iTop adapter's own test checks against its routes.
   */
  static final List<String> EXTENSION_PATHS = List.of("/webservices/", "/synchro/");

  static ApiServer server;
  static JsonNode document;

  @BeforeAll
  static void start() throws IOException {
    server = ApiServer.start();
    document = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(OPENAPI));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static List<Endpoint> registeredRoutes() {
    return server.api.app().unsafe.internalRouter.allHttpHandlers().stream()
        .map((ParsedEndpoint parsed) -> parsed.endpoint)
        .filter(endpoint -> endpoint.method.isHttpMethod())
        .toList();
  }

  static String operation(String method, String path) {
    return method.toUpperCase(Locale.ROOT) + " " + path;
  }

  @Test
  void isOpenApi31() {
    assertThat(document.get("openapi").asText()).startsWith("3.1.");
  }

  @Test
  void everyRegisteredRouteIsDescribed() {
    List<Endpoint> routes = registeredRoutes();
    assertThat(routes).hasSizeGreaterThan(25);
    Set<String> missing = new TreeSet<>();
    for (Endpoint route : routes) {
      if (NOT_DESCRIBED.contains(operation(route.method.name(), route.path))) {
        continue;
      }
      JsonNode path = document.get("paths").get(route.path);
      String method = route.method.name().toLowerCase(Locale.ROOT);
      if (path == null || path.get(method) == null) {
        missing.add(operation(method, route.path));
      }
    }
    assertThat(missing).as("routes missing from " + OPENAPI).isEmpty();
  }

  @Test
  void everyDescribedOperationIsRegistered() {
    Set<String> registered = new TreeSet<>();
    registeredRoutes().forEach(route -> registered.add(operation(route.method.name(), route.path)));
    Set<String> described = new TreeSet<>();
    document
        .get("paths")
        .properties()
        .forEach(
            path ->
                path.getValue()
                    .fieldNames()
                    .forEachRemaining(
                        method -> {
                          if (METHODS.contains(method)
                              && EXTENSION_PATHS.stream().noneMatch(path.getKey()::startsWith)) {
                            described.add(operation(method, path.getKey()));
                          }
                        }));
    assertThat(registered).containsAll(described);
  }

  @Test
  void routesLeftOutAreRegistered() {
    Set<String> registered = new TreeSet<>();
    registeredRoutes().forEach(route -> registered.add(operation(route.method.name(), route.path)));
    assertThat(registered).containsAll(NOT_DESCRIBED);
  }

  @Test
  void everyRouteDeclaresWhoMayCallIt() {
    for (Endpoint route : registeredRoutes()) {
      Roles roles = route.metadata(Roles.class);
      assertThat(roles).as(route.method.name() + " " + route.path).isNotNull();
      assertThat(roles.getRoles())
          .as(route.method.name() + " " + route.path)
          .hasSize(1)
          .allMatch(role -> role instanceof Access);
    }
  }
}
