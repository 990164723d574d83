package dev.tokensmith.adapter.itop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.tokensmith.adapter.http.ApiServer;
import io.javalin.router.ParsedEndpoint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * {@code docs/openapi.yaml} describes exactly the iTop webservices and synchro pages this adapter
 * serves.
 */
class ItopOpenApiTest {
  static final Path OPENAPI = Path.of("..", "docs", "openapi.yaml");
  static final Set<String> METHODS =
      Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

  @Test
  void theDescribedWebservicesAreExactlyTheServedOnes() throws IOException {
    JsonNode document = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(OPENAPI));
    Set<String> described = new TreeSet<>();
    document
        .get("paths")
        .properties()
        .forEach(
            path -> {
              if (isItop(path.getKey())) {
                path.getValue()
                    .fieldNames()
                    .forEachRemaining(
                        method -> {
                          if (METHODS.contains(method)) {
                            described.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey());
                          }
                        });
              }
            });
    Set<String> served = new TreeSet<>();
    try (ApiServer server = ItopRest.server()) {
      server.api.app().unsafe.internalRouter.allHttpHandlers().stream()
          .map((ParsedEndpoint parsed) -> parsed.endpoint)
          .filter(endpoint -> isItop(endpoint.path))
          .forEach(endpoint -> served.add(endpoint.method.name() + " " + endpoint.path));
    }
    assertThat(served)
        .contains(
            "GET /webservices/rest.php",
            "POST /webservices/rest.php",
            "POST /synchro/synchro_import.php",
            "GET /synchro/synchro_exec.php",
            "POST /synchro/synchro_exec.php");
    assertThat(described).isEqualTo(served);
  }

  private static boolean isItop(String path) {
    return path.startsWith("/webservices/") || path.startsWith("/synchro/");
  }
}
