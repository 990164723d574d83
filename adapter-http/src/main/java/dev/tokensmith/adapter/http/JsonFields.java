package dev.tokensmith.adapter.http;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.vavr.control.Option;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A JSON object from a request body, read field by field: unknown fields, wrong types and missing
 * required fields are refused with a 400 naming the field. Values are never echoed (they may be
 * secrets).
 */
final class JsonFields {
  static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

  private final ObjectNode node;
  private final String prefix;

  private JsonFields(ObjectNode node, String prefix, Set<String> allowed) {
    this.node = node;
    this.prefix = prefix;
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!allowed.contains(name)) {
        String shown = name.length() > 64 ? name.substring(0, 64) + "…" : name;
        throw UseCaseFailed.invalidInput(
            prefix + shown,
            "unknown field '"
                + prefix
                + shown
                + "'; the fields are "
                + String.join(", ", allowed.stream().sorted().toList()));
      }
    }
  }

  /** The body as a JSON object with only {@code allowed} fields. */
  static JsonFields read(
      Context ctx, RequestBodies bodies, ObjectMapper mapper, Set<String> allowed) {
    if (ctx.isMultipart() || ctx.isFormUrlencoded()) {
      throw notAnObject();
    }
    byte[] bytes = bodies.bytes(ctx);
    JsonNode node;
    try {
      node = bytes.length == 0 ? null : mapper.readTree(bytes);
    } catch (JsonProcessingException malformed) {
      JsonLocation at = malformed.getLocation();
      throw UseCaseFailed.invalidInput(
          "body",
          at == null
              ? "body is not valid JSON"
              : "body is not valid JSON (line "
                  + at.getLineNr()
                  + ", column "
                  + at.getColumnNr()
                  + ")");
    } catch (IOException unreadable) {
      throw UseCaseFailed.invalidInput("body", "body is not valid JSON");
    }
    if (node == null || !node.isObject()) {
      throw notAnObject();
    }
    StorableInput.checkJson(node);
    return new JsonFields((ObjectNode) node, "", allowed);
  }

  private static UseCaseFailed notAnObject() {
    return UseCaseFailed.invalidInput(
        "body", "body must be a JSON object (Content-Type: application/json)");
  }

  Option<String> text(String name) {
    JsonNode value = node.get(name);
    if (value == null) {
      return Option.none();
    }
    if (!value.isTextual()) {
      throw UseCaseFailed.invalidInput(field(name), field(name) + " must be a string");
    }
    return Option.some(value.textValue());
  }

  String requiredText(String name) {
    return text(name).getOrElseThrow(() -> required(name));
  }

  Option<Set<String>> texts(String name) {
    JsonNode value = node.get(name);
    if (value == null) {
      return Option.none();
    }
    if (!value.isArray()) {
      throw notStrings(name);
    }
    Set<String> texts = new LinkedHashSet<>();
    for (JsonNode element : value) {
      if (!element.isTextual()) {
        throw notStrings(name);
      }
      texts.add(element.textValue());
    }
    return Option.some(texts);
  }

  Set<String> requiredTexts(String name) {
    return texts(name).getOrElseThrow(() -> required(name));
  }

  /** Absent: none; {@code null}: some(none); an ISO-8601 instant: some(some(instant)). */
  Option<Option<Instant>> instantOrNull(String name) {
    JsonNode value = node.get(name);
    if (value == null) {
      return Option.none();
    }
    if (value.isNull()) {
      return Option.some(Option.none());
    }
    if (!value.isTextual()) {
      throw notAnInstant(name);
    }
    Instant instant = parseInstant(value.textValue()).getOrElseThrow(() -> notAnInstant(name));
    if (instant.isAfter(LATEST)) {
      throw UseCaseFailed.invalidInput(field(name), field(name) + " must be before the year 10000");
    }
    return Option.some(Option.some(instant));
  }

  /** Absent: none; otherwise {@code true} or {@code false}. */
  Option<Boolean> bool(String name) {
    JsonNode value = node.get(name);
    if (value == null) {
      return Option.none();
    }
    if (!value.isBoolean()) {
      throw UseCaseFailed.invalidInput(field(name), field(name) + " must be true or false");
    }
    return Option.some(value.booleanValue());
  }

  /**
   * Absent: none; {@code null} when {@code nullable}: some(none); a whole number from {@code min}
   * to {@code max}: some(some(number)).
   */
  Option<Option<Long>> wholeNumber(String name, long min, long max, boolean nullable) {
    JsonNode value = node.get(name);
    if (value == null) {
      return Option.none();
    }
    if (value.isNull() && nullable) {
      return Option.some(Option.none());
    }
    if (!value.isIntegralNumber()
        || !value.canConvertToLong()
        || value.longValue() < min
        || value.longValue() > max) {
      throw UseCaseFailed.invalidInput(
          field(name),
          field(name)
              + " must be a whole number from "
              + min
              + " to "
              + max
              + (nullable ? ", or null" : ""));
    }
    return Option.some(Option.some(value.longValue()));
  }

  /** Absent: none; {@code null}: some(none); an array of strings: some(some(strings)). */
  Option<Option<Set<String>>> textsOrNull(String name) {
    JsonNode value = node.get(name);
    if (value == null) {
      return Option.none();
    }
    if (value.isNull()) {
      return Option.some(Option.none());
    }
    return Option.some(texts(name));
  }

  /** An array of objects whose fields are named {@code name[i].field} in errors; absent: none. */
  Option<java.util.List<JsonFields>> objects(String name, Set<String> allowed) {
    JsonNode value = node.get(name);
    if (value == null) {
      return Option.none();
    }
    if (!value.isArray()) {
      throw UseCaseFailed.invalidInput(
          field(name), field(name) + " must be an array of JSON objects");
    }
    java.util.List<JsonFields> objects = new java.util.ArrayList<>();
    int i = 0;
    for (JsonNode element : value) {
      if (!element.isObject()) {
        throw UseCaseFailed.invalidInput(
            field(name), field(name) + " must be an array of JSON objects");
      }
      objects.add(new JsonFields((ObjectNode) element, field(name) + "[" + i + "].", allowed));
      i++;
    }
    return Option.some(objects);
  }

  /** The field is required: {@code what} if present, else a 400 naming it. */
  <T> T require(String name, Option<T> what) {
    return what.getOrElseThrow(() -> required(name));
  }

  /** A nested object whose fields are named {@code name.field} in errors. */
  Option<JsonFields> object(String name, Set<String> allowed) {
    JsonNode value = node.get(name);
    if (value == null) {
      return Option.none();
    }
    if (!value.isObject()) {
      throw UseCaseFailed.invalidInput(field(name), field(name) + " must be a JSON object");
    }
    return Option.some(new JsonFields((ObjectNode) value, field(name) + ".", allowed));
  }

  private static Option<Instant> parseInstant(String text) {
    try {
      return Option.some(Instant.parse(text));
    } catch (DateTimeParseException notUtc) {
      try {
        return Option.some(OffsetDateTime.parse(text).toInstant());
      } catch (DateTimeParseException notIso) {
        return Option.none();
      }
    }
  }

  private String field(String name) {
    return prefix + name;
  }

  private UseCaseFailed required(String name) {
    return UseCaseFailed.invalidInput(field(name), field(name) + " is required");
  }

  private UseCaseFailed notStrings(String name) {
    return UseCaseFailed.invalidInput(field(name), field(name) + " must be an array of strings");
  }

  private UseCaseFailed notAnInstant(String name) {
    return UseCaseFailed.invalidInput(
        field(name),
        field(name) + " must be an ISO-8601 instant such as 2030-01-31T12:00:00Z, or null");
  }
}
