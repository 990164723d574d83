package dev.tokensmith.adapter.itop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tokensmith.domain.directory.DirectoryClass;
import dev.tokensmith.domain.input.StorableText;
import io.vavr.control.Option;
import java.util.Map;
import java.util.Set;

/**
 * The decoded {@code json_data} object, read as iTop's {@code RestUtils} reads it: a member that is
 * absent or {@code null} is missing ({@code Error: Missing parameter '<name>'}).
 */
final class JsonData {
  /** iTop's parent class of {@code Person}, readable only. */
  static final String CONTACT = "Contact";

  private static final String CHECK_CREDENTIALS = "core/check_credentials";
  private static final Set<String> CREDENTIALS = Set.of("user", "password");

  private final ObjectNode object;

  private JsonData(ObjectNode object) {
    this.object = object;
  }

  /** {@code text} as a JSON object; code 4 when it is not valid JSON or not an object. */
  static JsonData parse(String text) {
    Option<JsonNode> node = ItopJson.read(text);
    if (node.isEmpty() || !node.get().isObject()) {
      throw RestFailed.error(
          RestCode.INVALID_JSON, "Parameter json_data is not a valid JSON structure");
    }
    ObjectNode object = (ObjectNode) node.get();
    boolean checksCredentials =
        object.path("operation").asText("").equals(CHECK_CREDENTIALS)
            && object.path("operation").isTextual();
    for (Map.Entry<String, JsonNode> member : object.properties()) {
      refuseUnstorable(RestParameters.JSON_DATA, member.getKey());
      if (checksCredentials && CREDENTIALS.contains(member.getKey())) {
        continue; // credentials no one can have are checked, and counted, as wrong ones
      }
      refuseUnstorable(RestParameters.JSON_DATA + "." + member.getKey(), member.getValue());
    }
    return new JsonData(object);
  }

  /**
   * Code 100 naming the member ({@code json_data.fields.name}) when a member name or text value
   * breaks {@link StorableText}, the rule for text the database can store.
   */
  private static void refuseUnstorable(String path, JsonNode node) {
    if (node.isTextual()) {
      refuseUnstorable(path, node.textValue());
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        refuseUnstorable(path + "[" + i + "]", node.get(i));
      }
    } else if (node.isObject()) {
      for (Map.Entry<String, JsonNode> member : node.properties()) {
        refuseUnstorable(path, member.getKey());
        refuseUnstorable(path + "." + member.getKey(), member.getValue());
      }
    }
  }

  private static void refuseUnstorable(String field, String value) {
    String problem = StorableText.problem(field, value);
    if (problem != null) {
      throw new RestFailed(RestFailures.unstorable(problem));
    }
  }

  /** The member {@code name}, unless absent or {@code null}. */
  Option<JsonNode> optional(String name) {
    JsonNode value = object.get(name);
    return value == null || value.isNull() ? Option.none() : Option.some(value);
  }

  /** The member {@code name}; code 100 {@code Missing parameter '<name>'} without it. */
  JsonNode mandatory(String name) {
    return optional(name)
        .getOrElseThrow(() -> RestFailed.internal("Missing parameter '" + name + "'"));
  }

  /** The class the member {@code name} names; code 100 with iTop's message for another one. */
  DirectoryClass directoryClass(String name) {
    String className = text(mandatory(name));
    if (className.equals(CONTACT)) {
      throw RestFailed.internal(
          name
              + ": '"
              + CONTACT
              + "' is read-only here: create, update and delete its class 'Person'");
    }
    return DirectoryClass.byClassName(className)
        .getOrElseThrow(
            () -> RestFailed.internal(name + ": '" + className + "' is not a valid class'"));
  }

  /**
   * The class the member {@code name} names for a read, where {@code Contact} (iTop's parent class
   * of {@code Person}) stands for {@code Person} and {@code UserLocal} for {@code User}: objects
   * answer under their real class.
   */
  DirectoryClass readableClass(String name) {
    String className = text(mandatory(name));
    if (className.equals(CONTACT)) {
      return DirectoryClass.PERSON;
    }
    return className.equals(UserLocalObjects.USER_LOCAL)
        ? DirectoryClass.USER
        : directoryClass(name);
  }

  /** A value as PHP prints it in a message: text as is, other scalars and structures as JSON. */
  static String text(JsonNode value) {
    return value.isTextual() ? value.textValue() : ItopJson.write(value);
  }

  /** PHP's truthiness of a value, for flags such as {@code simulate}. */
  static boolean truthy(Option<JsonNode> value) {
    if (value.isEmpty()) {
      return false;
    }
    JsonNode node = value.get();
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    if (node.isNumber()) {
      return node.doubleValue() != 0;
    }
    if (node.isTextual()) {
      return !node.textValue().isEmpty() && !node.textValue().equals("0");
    }
    return !node.isEmpty();
  }
}
