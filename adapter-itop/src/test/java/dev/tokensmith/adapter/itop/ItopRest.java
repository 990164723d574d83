package dev.tokensmith.adapter.itop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tokensmith.adapter.http.ApiExtension;
import dev.tokensmith.adapter.http.ApiServer;
import dev.tokensmith.adapter.http.ApiServer.Res;
import dev.tokensmith.adapter.http.HttpSettings;
import dev.tokensmith.adapter.http.Json;
import dev.tokensmith.adapter.http.LoginAttempts;
import dev.tokensmith.adapter.http.TestUseCases;
import dev.tokensmith.application.fake.InMemorySynchroStore;
import dev.tokensmith.application.fake.InMemoryTokensmith;
import dev.tokensmith.application.port.out.NewPerson;
import dev.tokensmith.application.service.SynchroService;
import dev.tokensmith.application.service.TokensmithCore;
import dev.tokensmith.domain.account.Organization;
import dev.tokensmith.domain.authentication.AttemptBudget;
import dev.tokensmith.domain.authentication.AttemptBudgets;
import dev.tokensmith.domain.authentication.AuthenticationFailure;
import dev.tokensmith.domain.directory.DirectoryRecord;
import dev.tokensmith.domain.token.TokenId;
import io.javalin.http.HandlerType;
import io.vavr.control.Option;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Helpers for the black-box tests of {@code webservices/rest.php}: URL-encoding, envelope
 * assertions, a server whose failed-login limit stays out of the way, and demo data.
 */
final class ItopRest {
  static final String PATH = "/webservices/rest.php";
  static final int BULK_MAX_REQUEST_BYTES = 4 * 1024 * 1024;
  static final String AUTH_FAILURE = "X-Tokensmith-Auth-Failure";
  static final String INVALID_LOGIN = "Error: Invalid login";
  static final String REST_PROFILE_REQUIRED =
      "Error: This user is not authorized to use the web services. (The profile REST Services"
          + " User is required to access the REST web services)";

  /** The user guide's example call, as the reference gives it. */
  static final String GUIDE_EXAMPLE =
      "{\"operation\": \"core/get\", \"class\": \"Person\", \"key\": \"SELECT Person WHERE email"
          + " LIKE ''\", \"output_fields\": \"friendlyname, email\"}";

  private ItopRest() {}

  /** Core settings whose budgets allow a million failed attempts a minute. */
  static final TokensmithCore.Settings GENEROUS =
      TokensmithCore.Settings.DEFAULT.withBudgets(
          new AttemptBudgets(
              new AttemptBudget(1_000_000, Duration.ofMinutes(1)),
              new AttemptBudget(1_000_000, Duration.ofMinutes(1)),
              new AttemptBudget(1_000_000, Duration.ofMinutes(1))));

  /** A server on the in-memory core whose budgets of failed attempts stay out of the way. */
  static ApiServer server() {
    return start(GENEROUS, settings -> settings);
  }

  /**
   * The HTTP adapter's test server on the in-memory core, serving rest.php as the bootstrap does.
   */
  static ApiServer start(
      TokensmithCore.Settings coreSettings, UnaryOperator<HttpSettings> httpSettings) {
    InMemoryTokensmith tokensmith = new InMemoryTokensmith(coreSettings);
    return start(tokensmith, useCases(tokensmith.core), httpSettings);
  }

  /** The same with the given iTop use cases (e.g. some replaced by failing ones). */
  static ApiServer start(
      InMemoryTokensmith tokensmith,
      ItopUseCases useCases,
      UnaryOperator<HttpSettings> httpSettings) {
    ApiExtension restPhp =
        attempts -> {
          SharedGuard guard = new SharedGuard(attempts);
          ItopSynchroUseCases synchro = synchroUseCases(tokensmith);
          ItopRestController controller =
              new ItopRestController(
                  useCases, synchro, guard, HttpSettings.defaults().maxRequestBytes());
          ItopSynchroImportController synchroImport =
              new ItopSynchroImportController(useCases, synchro, guard, BULK_MAX_REQUEST_BYTES);
          ItopSynchroExecController synchroExec =
              new ItopSynchroExecController(useCases, synchro, guard, BULK_MAX_REQUEST_BYTES);
          ItopExportController export =
              new ItopExportController(useCases, guard, BULK_MAX_REQUEST_BYTES);
          ItopImportController importPhp =
              new ItopImportController(useCases, guard, BULK_MAX_REQUEST_BYTES);
          return List.of(
              new ApiExtension.Route(HandlerType.GET, ItopRestController.PATH, controller::handle),
              new ApiExtension.Route(HandlerType.POST, ItopRestController.PATH, controller::handle),
              new ApiExtension.Route(HandlerType.GET, ItopExportController.PATH, export::handle),
              new ApiExtension.Route(HandlerType.POST, ItopExportController.PATH, export::handle),
              new ApiExtension.Route(
                  HandlerType.POST, ItopImportController.PATH, importPhp::handle),
              new ApiExtension.Route(
                  HandlerType.POST, ItopSynchroImportController.PATH, synchroImport::handle),
              new ApiExtension.Route(
                  HandlerType.GET, ItopSynchroExecController.PATH, synchroExec::handle),
              new ApiExtension.Route(
                  HandlerType.POST, ItopSynchroExecController.PATH, synchroExec::handle));
        };
    return ApiServer.start(
        tokensmith, TestUseCases.of(tokensmith.core), httpSettings, List.of(restPhp));
  }

  /** The synchro in-ports on an in-memory store that shares the directory fake's transactions. */
  static ItopSynchroUseCases synchroUseCases(InMemoryTokensmith tokensmith) {
    SynchroService synchro =
        new SynchroService(
            new InMemorySynchroStore(tokensmith.directory),
            tokensmith.core.directory,
            tokensmith.clock);
    return new ItopSynchroUseCases(synchro, synchro, synchro, synchro, synchro);
  }

  static ItopUseCases useCases(TokensmithCore core) {
    return new ItopUseCases(
        core.authentication,
        core.accounts,
        core.accounts,
        core.accounts,
        core.directory,
        core.directory,
        core.directory,
        core.directory,
        core.directory,
        core.bulkDirectory,
        core.bulkDirectory);
  }

  /** The HTTP adapter's limit of failed logins, as rest.php's guard (the bootstrap's bridge). */
  private record SharedGuard(LoginAttempts attempts) implements LoginGuard {
    @Override
    public void tokenAuthenticated() {
      attempts.tokenAuthenticated();
    }

    @Override
    public void tokenRefused(AuthenticationFailure failure) {
      attempts.tokenRefused(failure);
    }
  }

  static String enc(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  /** {@code rest.php?version=<v>&json_data=<json>}, URL-encoded. */
  static String call(String version, String json) {
    return PATH + "?version=" + enc(version) + "&json_data=" + enc(json);
  }

  /** {@code version=<v>&json_data=<json>} as an urlencoded body. */
  static String form(String version, String json) {
    return "version=" + enc(version) + "&json_data=" + enc(json);
  }

  /** The JSON body of an answer, checking it is iTop's: HTTP 200, JSON, never cached. */
  static JsonNode answer(Res response) {
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    assertThat(response.header("Content-Type")).startsWith("application/json");
    assertThat(response.header("Cache-Control")).isEqualTo("no-store");
    JsonNode body = response.json();
    assertThat(body.has("code")).as(response.body()).isTrue();
    assertThat(body.has("message")).as(response.body()).isTrue();
    return body;
  }

  /** Asserts {@code code} and {@code message} and returns the body. */
  static JsonNode assertAnswer(Res response, int code, String message) {
    JsonNode body = answer(response);
    assertThat(body.get("code").asInt()).as(response.body()).isEqualTo(code);
    if (message == null) {
      assertThat(body.get("message").isNull()).as(response.body()).isTrue();
    } else {
      assertThat(body.get("message").asText()).as(response.body()).isEqualTo(message);
    }
    return body;
  }

  /** iTop's refused login, with the reason in the tokensmith header. */
  static void assertRefusedLogin(Res response, String message, String reason) {
    JsonNode body = assertAnswer(response, 1, message);
    assertThat(Json.fieldNames(body)).containsExactly("code", "message");
    assertThat(response.header(AUTH_FAILURE)).as(response.toString()).isEqualTo(reason);
  }

  static long useCount(ApiServer server, TokenId id) {
    return server.tokensmith.tokens.find(id).get().usage().useCount();
  }

  /** Demo organizations and persons, as the service adds on first start. */
  static final class Demo {
    final Organization demo;
    final Organization acme;
    final DirectoryRecord monet;
    final DirectoryRecord morisot;
    final DirectoryRecord coyote;
    final DirectoryRecord runner;

    Demo(InMemoryTokensmith tokensmith) {
      demo = tokensmith.accounts.addOrganization("Demo");
      acme = tokensmith.accounts.addOrganization("Acme Corporation");
      monet = person(tokensmith, "Claude", "Monet", "claude.monet@demo.com", "+33 1 23", demo);
      morisot = person(tokensmith, "Berthe", "Morisot", "berthe.morisot@demo.com", null, demo);
      coyote = person(tokensmith, "Wile E.", "Coyote", "wile.coyote@acme.example", null, acme);
      runner = person(tokensmith, "Road", "Runner", "road.runner@acme.example", null, acme);
    }

    static DirectoryRecord person(
        InMemoryTokensmith tokensmith,
        String firstName,
        String name,
        String email,
        String phone,
        Organization organization) {
      return tokensmith.directory.createPerson(
          new NewPerson(firstName, name, email, Option.of(phone), organization));
    }
  }
}
