package dev.tokensmith.application.service;

import dev.tokensmith.application.port.in.UseCaseFailure;
import dev.tokensmith.application.port.in.UseCaseFailure.InvalidInput;
import dev.tokensmith.domain.account.Names;
import dev.tokensmith.domain.directory.DirectoryClass;
import dev.tokensmith.domain.directory.DirectoryRecord;
import dev.tokensmith.domain.directory.DirectoryText;
import dev.tokensmith.domain.directory.ObjectQuery;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.Map;

/**
 * The {@code fields} of an iTop create or update, checked: writable attributes of the class only,
 * text that passes {@link Names} (stripped), a valid email, a phone that may be empty (then none),
 * and {@code org_id} an integer.
 */
final class DirectoryFields {
  private final Map<String, String> texts;
  private final Option<Long> organizationId;

  private DirectoryFields(Map<String, String> texts, Option<Long> organizationId) {
    this.texts = texts;
    this.organizationId = organizationId;
  }

  static Either<UseCaseFailure, DirectoryFields> read(
      DirectoryClass directoryClass, Map<String, ?> fields) {
    if (fields == null) {
      return Either.left(new InvalidInput("fields", "fields must be given"));
    }
    Map<String, String> texts = new HashMap<>();
    Option<Long> organizationId = Option.none();
    for (Map.Entry<String, ?> entry : fields.entrySet()) {
      String attribute = entry.getKey();
      if (attribute == null || !directoryClass.hasAttribute(attribute)) {
        String named = String.valueOf(attribute);
        return Either.left(new InvalidInput(named, ObjectQuery.unknownAttributeMessage(named)));
      }
      if (!directoryClass.writableAttributeCodes().contains(attribute)) {
        return Either.left(
            new InvalidInput(attribute, attribute + ": the attribute cannot be written"));
      }
      Object value = entry.getValue();
      if (attribute.equals("org_id")) {
        Option<Long> id = integer(value);
        if (id.isEmpty()) {
          return Either.left(
              new InvalidInput(attribute, "org_id must be the id of an organization (an integer)"));
        }
        organizationId = id;
        continue;
      }
      Either<UseCaseFailure, String> text = text(attribute, value);
      if (text.isLeft()) {
        return Either.left(text.getLeft());
      }
      texts.put(attribute, text.get());
    }
    return Either.right(new DirectoryFields(texts, organizationId));
  }

  /** The checked value of a text attribute, stripped; {@code phone} may be {@code ""}. */
  Option<String> text(String attribute) {
    return Option.of(texts.get(attribute));
  }

  Option<Long> organizationId() {
    return organizationId;
  }

  /** The first of {@code required} that was not given, as a failure. */
  Option<UseCaseFailure> missing(String... required) {
    for (String attribute : required) {
      boolean given =
          attribute.equals("org_id") ? organizationId.isDefined() : texts.containsKey(attribute);
      if (!given) {
        return Option.some(new InvalidInput(attribute, attribute + ": a value is required"));
      }
    }
    return Option.none();
  }

  private static Either<UseCaseFailure, String> text(String attribute, Object value) {
    String text;
    if (value instanceof String string) {
      text = string;
    } else if (value == null) {
      if (!attribute.equals("phone")) {
        return Either.left(new InvalidInput(attribute, attribute + ": a value is required"));
      }
      text = "";
    } else if (integral(value).isDefined()) {
      // as PHP does, a number given for a text attribute is its decimal text
      text = Long.toString(integral(value).get());
    } else {
      return Either.left(new InvalidInput(attribute, attribute + " must be a string"));
    }
    if (!DirectoryText.isWellFormed(text)) {
      return Either.left(
          new InvalidInput(
              attribute, attribute + " must be valid Unicode text (a lone surrogate)"));
    }
    if (attribute.equals("phone") && text.isBlank()) {
      return Either.right("");
    }
    if (attribute.equals("status")) {
      String status = text.strip();
      return DirectoryRecord.isContactStatus(status)
          ? Either.right(status)
          : Either.left(
              new InvalidInput(
                  attribute, "status: '" + status + "' is not a valid value (active or inactive)"));
    }
    String problem =
        attribute.equals("email")
            ? Inputs.emailProblem(attribute, text)
            : Names.problem(attribute, text);
    return problem == null
        ? Either.right(text.strip())
        : Either.left(new InvalidInput(attribute, problem));
  }

  /** An integer, or a text that spells one (iTop clients often send ids as strings). */
  private static Option<Long> integer(Object value) {
    if (value instanceof String string) {
      return DirectoryText.integer(string.strip());
    }
    return integral(value);
  }

  private static Option<Long> integral(Object value) {
    if (value instanceof Long
        || value instanceof Integer
        || value instanceof Short
        || value instanceof Byte) {
      return Option.some(((Number) value).longValue());
    }
    if (value instanceof BigInteger big && big.bitLength() < Long.SIZE) {
      return Option.some(big.longValue());
    }
    return Option.none();
  }
}
