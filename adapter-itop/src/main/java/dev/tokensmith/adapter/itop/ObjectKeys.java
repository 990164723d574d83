package dev.tokensmith.adapter.itop;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tokensmith.adapter.itop.oql.Oql;
import dev.tokensmith.adapter.itop.oql.OqlSyntaxError;
import dev.tokensmith.application.port.in.CountDirectoryObjectsUseCase;
import dev.tokensmith.application.port.in.FindDirectoryObjectsUseCase;
import dev.tokensmith.domain.account.Principal;
import dev.tokensmith.domain.directory.ComparisonOperator;
import dev.tokensmith.domain.directory.Criteria;
import dev.tokensmith.domain.directory.CriteriaObject;
import dev.tokensmith.domain.directory.DirectoryClass;
import dev.tokensmith.domain.directory.DirectoryRecord;
import dev.tokensmith.domain.directory.DirectoryText;
import dev.tokensmith.domain.directory.Literal;
import dev.tokensmith.domain.directory.ObjectQuery;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads iTop's three forms of a {@code key} into a query: an id (a number, or a string of digits),
 * a criteria object ({@code {"email":"a@b"}}, each member {@code attribute = value}, ANDed) or an
 * OQL string; and finds exactly one object, with iTop's messages. External keys ({@code org_id},
 * {@code contactid}) inside criteria and {@code fields} take the same three forms.
 */
final class ObjectKeys {
  /** The external keys of each class, and the class they point at. */
  private static final Map<DirectoryClass, Map<String, DirectoryClass>> EXTERNAL_KEYS =
      Map.of(
          DirectoryClass.PERSON, Map.of("org_id", DirectoryClass.ORGANIZATION),
          DirectoryClass.USER,
              Map.of("org_id", DirectoryClass.ORGANIZATION, "contactid", DirectoryClass.PERSON),
          DirectoryClass.ORGANIZATION, Map.of());

  private final FindDirectoryObjectsUseCase find;
  private final CountDirectoryObjectsUseCase count;

  ObjectKeys(FindDirectoryObjectsUseCase find, CountDirectoryObjectsUseCase count) {
    this.find = find;
    this.count = count;
  }

  /**
   * A key read: the query it stands for (its class is the OQL's for an OQL key), the id for the id
   * form, and how iTop describes it when it does not match exactly one object.
   */
  record Key(ObjectQuery query, Option<Long> id, String notFound, String several) {
    DirectoryClass directoryClass() {
      return query.directoryClass();
    }
  }

  /** The query {@code key} stands for on {@code directoryClass}; code 100 for a key that cannot. */
  Key read(Principal actor, DirectoryClass directoryClass, JsonNode key) {
    Option<Long> id = id(key);
    if (id.isDefined()) {
      return new Key(
          byId(directoryClass, id.get()),
          id,
          "Invalid object " + directoryClass.className() + "::" + id.get(),
          "");
    }
    if (key.isTextual()) {
      String oql = key.textValue();
      Either<OqlSyntaxError, ObjectQuery> parsed = Oql.parse(oql);
      if (parsed.isLeft()) {
        throw new RestFailed(RestFailures.ofQuery(oql, parsed.getLeft()));
      }
      return new Key(
          parsed.get(), Option.none(), "No item found for query: " + oql, "for query: " + oql);
    }
    if (key.isObject()) {
      return criteria(actor, directoryClass, key);
    }
    throw RestFailed.internal("Wrong format for key");
  }

  /** The one object {@code key} matches; code 100 with iTop's message when none or several do. */
  DirectoryRecord one(Principal actor, Key key) {
    List<DirectoryRecord> found = RestFailures.orFail(find.find(actor, key.query(), 2, 0));
    if (found.isEmpty()) {
      throw RestFailed.internal(key.notFound());
    }
    if (found.size() > 1) {
      long matching = RestFailures.orFail(count.count(actor, key.query()));
      throw RestFailed.internal("Several items found (" + matching + ") " + key.several());
    }
    return found.get(0);
  }

  /**
   * {@code fields} with each external key of {@code directoryClass} that clients may write resolved
   * to an id; the other values as decoded from JSON, for the use case to check.
   */
  Map<String, Object> fields(Principal actor, DirectoryClass directoryClass, JsonNode fields) {
    if (!fields.isObject()) {
      throw RestFailed.internal(
          "fields must be a JSON object of attribute codes and values, such as {\"name\":\"Demo\"}");
    }
    Map<String, DirectoryClass> externalKeys = EXTERNAL_KEYS.get(directoryClass);
    Map<String, Object> values = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = fields.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      String attribute = field.getKey();
      DirectoryClass target = externalKeys.get(attribute);
      if (target != null && directoryClass.writableAttributeCodes().contains(attribute)) {
        values.put(attribute, externalKey(actor, attribute, target, field.getValue()));
      } else {
        values.put(attribute, value(field.getValue()));
      }
    }
    return values;
  }

  private Key criteria(Principal actor, DirectoryClass directoryClass, JsonNode criteria) {
    Map<String, DirectoryClass> externalKeys = EXTERNAL_KEYS.get(directoryClass);
    Map<String, Object> values = new LinkedHashMap<>();
    List<String> report = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = criteria.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      String attribute = entry.getKey();
      JsonNode value = entry.getValue();
      if (attribute.equals("finalclass")) {
        checkFinalClass(directoryClass, value);
        report.add("finalclass: " + JsonData.text(value) + " (" + JsonData.text(value) + ")");
        continue;
      }
      if (!directoryClass.hasAttribute(attribute)) {
        throw RestFailed.internal(ObjectQuery.unknownAttributeMessage(attribute));
      }
      DirectoryClass target = externalKeys.get(attribute);
      Object real = target == null ? value(value) : externalKey(actor, attribute, target, value);
      values.put(attribute, real);
      report.add(attribute + ": " + JsonData.text(value) + " (" + real + ")");
    }
    Either<String, ObjectQuery> query = CriteriaObject.toQuery(directoryClass, values);
    if (query.isLeft()) {
      throw RestFailed.internal(query.getLeft());
    }
    String described = String.join(", ", report);
    return new Key(
        query.get(),
        Option.none(),
        "No item found with criteria: " + described,
        "with criteria: " + described);
  }

  /**
   * The id of the one {@code target} object {@code value} designates, 0 for the id 0 (no object);
   * code 100 {@code <attribute>: <why>} otherwise.
   */
  private long externalKey(
      Principal actor, String attribute, DirectoryClass target, JsonNode value) {
    try {
      Option<Long> id = id(value);
      if (id.isDefined() && id.get() == 0) {
        return 0;
      }
      if (!id.isDefined() && value.isTextual()) {
        Key key = read(actor, target, value);
        if (key.directoryClass() != target) {
          throw RestFailed.internal(
              "the query must select "
                  + target.className()
                  + ", not "
                  + key.directoryClass().className());
        }
        return one(actor, key).id();
      }
      if (!id.isDefined() && !value.isObject()) {
        throw RestFailed.internal("Wrong format for key");
      }
      return one(actor, read(actor, target, value)).id();
    } catch (RestFailed failed) {
      throw prefixed(attribute, failed);
    }
  }

  /** iTop names the attribute whose external key failed: {@code Error: org_id: <why>}. */
  private static RestFailed prefixed(String attribute, RestFailed failed) {
    RestResult result = failed.result();
    if (result.code() != RestCode.INTERNAL_ERROR) {
      return failed;
    }
    String message = result.body().get("message").asText();
    return RestFailed.internal(
        attribute + ": " + (message.startsWith("Error: ") ? message.substring(7) : message));
  }

  private static void checkFinalClass(DirectoryClass directoryClass, JsonNode value) {
    String className = JsonData.text(value);
    Option<DirectoryClass> named = DirectoryClass.byClassName(className);
    if (named.isEmpty()) {
      throw RestFailed.internal("finalclass: Unknown class '" + className + "'");
    }
    if (named.get() != directoryClass) {
      throw RestFailed.internal(
          "finalclass: '"
              + className
              + "' is not a child class of '"
              + directoryClass.className()
              + "'");
    }
  }

  /** The id an id-form key stands for: an integral number, or a string of digits. */
  private static Option<Long> id(JsonNode key) {
    if (key.isIntegralNumber()) {
      return key.canConvertToLong() ? Option.some(key.longValue()) : Option.none();
    }
    if (key.isNumber()) {
      double number = key.doubleValue();
      return number == Math.rint(number) && Math.abs(number) < 1e15
          ? Option.some((long) number)
          : Option.none();
    }
    if (key.isTextual()) {
      return DirectoryText.integer(key.textValue().strip());
    }
    return Option.none();
  }

  private static ObjectQuery byId(DirectoryClass directoryClass, long id) {
    return new ObjectQuery(
        directoryClass, new Criteria.Comparison("id", ComparisonOperator.EQUAL, Literal.of(id)));
  }

  /** A JSON value as the use cases and {@link CriteriaObject} take it. */
  private static Object value(JsonNode value) {
    if (value.isTextual()) {
      return value.textValue();
    }
    if (value.isIntegralNumber()) {
      return value.canConvertToLong() ? (Object) value.longValue() : value.bigIntegerValue();
    }
    if (value.isNull()) {
      return null;
    }
    if (value.isBoolean()) {
      return value.booleanValue();
    }
    if (value.isNumber()) {
      return value.decimalValue();
    }
    return value; // an array or object: refused by the use case, named by its attribute
  }
}
