package dev.tokensmith.adapter.itop;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One answer of {@code rest.php}: its code and its JSON body, with members in the order iTop's PHP
 * classes print them, and any extra response headers.
 */
final class RestResult {
  private final RestCode code;
  private final ObjectNode body;
  private final Map<String, String> headers;

  private RestResult(RestCode code, ObjectNode body, Map<String, String> headers) {
    this.code = code;
    this.body = body;
    this.headers = Map.copyOf(headers);
  }

  /** An error as iTop's {@code rest.php} reports exceptions: {@code {"code","message"}}. */
  static RestResult error(RestCode code, String message) {
    ObjectNode body = ItopJson.NODES.objectNode();
    body.put("code", code.number());
    body.put("message", Objects.requireNonNull(message, "message"));
    return new RestResult(code, body, Map.of());
  }

  /**
   * An answer about objects, {@code {"objects","code","message"}}; {@code objects} is {@code null}
   * when there are none, and {@code message} may be {@code null}.
   */
  static RestResult objects(RestCode code, String message, Map<String, ObjectNode> objects) {
    ObjectNode body = ItopJson.NODES.objectNode();
    if (objects.isEmpty()) {
      body.putNull("objects");
    } else {
      ObjectNode byKey = body.putObject("objects");
      objects.forEach(byKey::set);
    }
    body.put("code", code.number());
    body.put("message", message);
    return new RestResult(code, body, Map.of());
  }

  /** The answer of {@code list_operations}. */
  static RestResult operations(String version, List<ObjectNode> operations) {
    ObjectNode body = ItopJson.NODES.objectNode();
    body.put("version", version);
    ArrayNode list = body.putArray("operations");
    operations.forEach(list::add);
    body.put("code", RestCode.OK.number());
    body.put("message", "Operations: " + operations.size());
    return new RestResult(RestCode.OK, body, Map.of());
  }

  /** The answer of {@code core/check_credentials}. */
  static RestResult credentials(boolean authorized) {
    return credentials(authorized, null);
  }

  /** The answer of {@code core/check_credentials} with a message (null: iTop's {@code null}). */
  static RestResult credentials(boolean authorized, String message) {
    ObjectNode body = ItopJson.NODES.objectNode();
    body.put("code", RestCode.OK.number());
    body.put("message", message);
    body.put("authorized", authorized);
    return new RestResult(RestCode.OK, body, Map.of());
  }

  RestResult withHeader(String name, String value) {
    Map<String, String> more = new LinkedHashMap<>(headers);
    more.put(name, value);
    return new RestResult(code, body, more);
  }

  RestCode code() {
    return code;
  }

  ObjectNode body() {
    return body.deepCopy();
  }

  Map<String, String> headers() {
    return headers;
  }

  @Override
  public String toString() {
    return "RestResult[" + ItopJson.write(body) + ", headers=" + headers + "]";
  }
}
