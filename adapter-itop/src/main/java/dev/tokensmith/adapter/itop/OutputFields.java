package dev.tokensmith.adapter.itop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tokensmith.domain.directory.DirectoryClass;
import dev.tokensmith.domain.directory.DirectoryRecord;
import io.vavr.control.Option;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The attributes an answer shows for objects of one class, from {@code output_fields}: {@code *}
 * (the default) or {@code *+} for all of them but {@code id} (the object's key), else a
 * comma-separated list in which spaces around each code are ignored; objects of another class (an
 * OQL key may select one) show {@code id} and {@code friendlyname}, as iTop does.
 */
final class OutputFields {
  private static final List<String> OTHER_CLASS = List.of("id", "friendlyname");

  private final DirectoryClass directoryClass;
  private final List<String> codes;

  private OutputFields(DirectoryClass directoryClass, List<String> codes) {
    this.directoryClass = directoryClass;
    this.codes = codes;
  }

  /**
   * All attributes of {@code directoryClass} but {@code id}: as in iTop, {@code *} lists the
   * attributes and the id is the object's {@code key}.
   */
  static OutputFields all(DirectoryClass directoryClass) {
    return new OutputFields(
        directoryClass,
        directoryClass.attributeCodes().stream().filter(code -> !code.equals("id")).toList());
  }

  /** {@code id} and {@code friendlyname}, what iTop shows of objects it deletes. */
  static OutputFields identifying(DirectoryClass directoryClass) {
    return new OutputFields(directoryClass, OTHER_CLASS);
  }

  /**
   * The fields {@code outputFields} asks for; code 100 {@code output_fields: invalid attribute code
   * '<code>'} for a code the class does not have.
   */
  static OutputFields parse(DirectoryClass directoryClass, Option<JsonNode> outputFields) {
    if (outputFields.isEmpty()) {
      return all(directoryClass);
    }
    String spec = JsonData.text(outputFields.get());
    if (spec.equals("*") || spec.equals("*+")) {
      return all(directoryClass);
    }
    Set<String> codes = new LinkedHashSet<>();
    for (String listed : spec.split(",", -1)) {
      String code = listed.strip();
      if (!directoryClass.hasAttribute(code)) {
        throw RestFailed.internal("output_fields: invalid attribute code '" + code + "'");
      }
      codes.add(code);
    }
    return new OutputFields(directoryClass, List.copyOf(codes));
  }

  /** The {@code fields} member of an answer about {@code record}. */
  ObjectNode of(DirectoryRecord record) {
    List<String> shown = record.directoryClass() == directoryClass ? codes : OTHER_CLASS;
    ObjectNode fields = ItopJson.NODES.objectNode();
    for (String code : shown) {
      fields.put(code, record.field(code));
    }
    return fields;
  }

  /** {@code {"code","message","class","key","fields"}}: one object of an answer. */
  ObjectNode object(RestCode code, String message, DirectoryRecord record) {
    ObjectNode object = ItopJson.NODES.objectNode();
    object.put("code", code.number());
    object.put("message", message);
    object.put("class", record.directoryClass().className());
    object.put("key", Long.toString(record.id()));
    object.set("fields", of(record));
    return object;
  }
}
