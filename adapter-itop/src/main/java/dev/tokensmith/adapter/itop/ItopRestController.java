package dev.tokensmith.adapter.itop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tokensmith.application.port.out.StorageFailure;
import dev.tokensmith.application.port.out.StorageRefusedInput;
import dev.tokensmith.domain.account.Principal;
import io.javalin.http.Context;
import io.vavr.control.Option;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * iTop's {@code webservices/rest.php} (GET or POST): logs the call in, then checks {@code version}
 * and {@code json_data} and runs the operation, in iTop's order, and always answers HTTP 200 with
 * iTop's JSON envelope (JSON-P when a {@code callback} is given). Every failure, expected or not,
 * becomes an iTop answer here; nothing reaches the adapter's error handlers.
 */
public final class ItopRestController {
  private static final Logger LOG = LoggerFactory.getLogger(ItopRestController.class);

  /** The versions of the protocol served; all offer the same operations. */
  static final Set<String> VERSIONS = Set.of("1.0", "1.1", "1.2", "1.3", "1.4");

  /** A JavaScript name, possibly dotted ({@code cb}, {@code my.handlers.done}), for JSON-P. */
  private static final Pattern CALLBACK =
      Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*(\\.[A-Za-z_$][A-Za-z0-9_$]*)*");

  private static final int MAX_CALLBACK_LENGTH = 128;

  private final RestLogin login;
  private final CoreServices services;
  private final Option<SynchroObjects> synchro;
  private final int maxRequestBytes;

  /** Where iTop serves it. */
  public static final String PATH = "/webservices/rest.php";

  /**
   * The endpoint on the given in-ports; {@code guard} counts logins on the shared meters; bodies
   * over {@code maxRequestBytes} are refused.
   */
  public ItopRestController(ItopUseCases useCases, LoginGuard guard, int maxRequestBytes) {
    this(useCases, Option.none(), guard, maxRequestBytes);
  }

  /**
   * The endpoint that also serves {@code SynchroDataSource} and its attributes on the synchro
   * in-ports.
   */
  public ItopRestController(
      ItopUseCases useCases,
      ItopSynchroUseCases synchroUseCases,
      LoginGuard guard,
      int maxRequestBytes) {
    this(useCases, Option.some(synchroUseCases), guard, maxRequestBytes);
  }

  private ItopRestController(
      ItopUseCases useCases,
      Option<ItopSynchroUseCases> synchroUseCases,
      LoginGuard guard,
      int maxRequestBytes) {
    Objects.requireNonNull(useCases, "useCases");
    this.synchro = synchroUseCases.map(SynchroObjects::new);
    Objects.requireNonNull(guard, "guard");
    this.login =
        new RestLogin(
            useCases.authenticate(),
            useCases.logInToRestServices(),
            useCases.failedSignIn(),
            guard);
    this.services =
        new CoreServices(
            useCases.findDirectoryObjects(),
            useCases.countDirectoryObjects(),
            useCases.createDirectoryObject(),
            useCases.updateDirectoryObject(),
            useCases.deleteDirectoryObject(),
            useCases.logIn());
    this.maxRequestBytes = maxRequestBytes;
  }

  /** The handler of {@code GET} and {@code POST /webservices/rest.php}. */
  public void handle(Context ctx) {
    RestResult result;
    Option<String> callback = Option.none();
    try {
      RestParameters parameters = RestParameters.read(ctx, maxRequestBytes);
      callback = callback(parameters);
      result = call(ctx, parameters);
    } catch (RestFailed failed) {
      result = failed.result();
    } catch (StorageFailure outage) {
      LOG.warn(
          "storage unavailable during {} /webservices/rest.php: {}",
          ctx.method().name(),
          outage.getMessage());
      result = RestFailures.storageUnavailable();
    } catch (StorageRefusedInput refused) {
      LOG.warn(
          "input refused by the database during {} /webservices/rest.php: {}",
          ctx.method().name(),
          refused.getMessage());
      result = RestFailures.refusedByStorage();
    } catch (RuntimeException unexpected) {
      String errorId = UUID.randomUUID().toString();
      LOG.error(
          "unexpected failure {} during {} /webservices/rest.php",
          errorId,
          ctx.method().name(),
          unexpected);
      result = RestFailures.unexpected(errorId);
    }
    write(ctx, result, callback);
  }

  /** Login, version, json_data, operation: iTop's order of checks. */
  private RestResult call(Context ctx, RestParameters parameters) {
    Principal actor = login.principal(ctx, parameters);
    parameters.refuseUnstorable();
    String version =
        parameters
            .nonEmpty("version")
            .getOrElseThrow(
                () ->
                    RestFailed.error(
                        RestCode.MISSING_VERSION, "Missing parameter 'version' (e.g. '1.0')"));
    String json =
        parameters
            .jsonData()
            .getOrElseThrow(
                () -> RestFailed.error(RestCode.MISSING_JSON, "Missing parameter 'json_data'"));
    JsonData data = JsonData.parse(json);
    if (!VERSIONS.contains(version)) {
      throw RestFailed.error(
          RestCode.UNSUPPORTED_VERSION,
          "There is no service available for version '" + version + "'");
    }
    JsonNode operation = data.mandatory("operation");
    String verb = JsonData.text(operation);
    if (verb.equals("list_operations")) {
      return listOperations(version);
    }
    if (!CoreServices.OPERATIONS.containsKey(verb)) {
      throw RestFailed.error(
          RestCode.UNKNOWN_OPERATION, "Unknown verb '" + verb + "' in version '" + version + "'");
    }
    if (synchro.isDefined() && SynchroObjects.handles(data)) {
      return synchro.get().execute(actor, verb, data);
    }
    return services.execute(actor, version, verb, data, ctx.ip());
  }

  private static RestResult listOperations(String version) {
    List<ObjectNode> operations = new ArrayList<>();
    for (Map.Entry<String, String> operation : CoreServices.OPERATIONS.entrySet()) {
      ObjectNode listed = ItopJson.NODES.objectNode();
      listed.put("verb", operation.getKey());
      listed.put("description", operation.getValue());
      listed.put("extension", CoreServices.EXTENSION);
      operations.add(listed);
    }
    return RestResult.operations(version, operations);
  }

  /** The JSON-P callback, if any; code 100 for one that is not a plain JavaScript name. */
  private static Option<String> callback(RestParameters parameters) {
    Option<String> callback = parameters.nonEmpty("callback");
    if (callback.isDefined()
        && (callback.get().length() > MAX_CALLBACK_LENGTH
            || !CALLBACK.matcher(callback.get()).matches())) {
      throw RestFailed.internal(
          "callback must be a JavaScript name such as cb or my.handler (letters, digits, _ and $,"
              + " dot-separated, at most "
              + MAX_CALLBACK_LENGTH
              + " characters)");
    }
    return callback;
  }

  private static void write(Context ctx, RestResult result, Option<String> callback) {
    ctx.status(200);
    ctx.header("Cache-Control", "no-store");
    ctx.header("Pragma", "no-cache");
    result.headers().forEach(ctx::header);
    String json = ItopJson.write(result.body());
    if (callback.isDefined()) {
      ctx.contentType("application/javascript; charset=utf-8");
      ctx.result(callback.get() + "(" + json + ")");
    } else {
      ctx.contentType("application/json; charset=utf-8");
      ctx.result(json);
    }
  }
}
