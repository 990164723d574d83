package dev.tokensmith.adapter.itop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tokensmith.domain.directory.DirectoryClass;
import io.vavr.control.Option;

/**
 * The decoded {@code json_data} object, read as iTop's {@code RestUtils} reads it: a member that is
 * absent or {@code null} is missing ({@code Error: Missing parameter '<name>'}).
 */
final class JsonData {
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
    return new JsonData((ObjectNode) node.get());
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
    return DirectoryClass.byClassName(className)
        .getOrElseThrow(
            () -> RestFailed.internal(name + ": '" + className + "' is not a valid class'"));
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
