package dev.tokensmith.domain.directory;

import io.vavr.control.Either;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reads iTop's criteria-object form of a key, such as {@code {"email":"a@b","org_id":3}}: each
 * entry is {@code field = value}, all of them ANDed, no entry at all matches every object. Values
 * arrive already decoded from JSON; failures are iTop-style messages.
 */
public final class CriteriaObject {
  private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
  private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

  private CriteriaObject() {}

  /**
   * The condition the entries express, in the map's iteration order; left with {@code <field>:
   * Unknown attribute} for a key that cannot be an attribute code, or a sentence for a value that
   * is neither a string nor an integer (null, boolean, decimal, array, object).
   */
  public static Either<String, Criteria> toCriteria(Map<String, ?> criteriaObject) {
    Objects.requireNonNull(criteriaObject, "criteriaObject");
    List<Criteria> conditions = new ArrayList<>();
    for (Map.Entry<String, ?> entry : criteriaObject.entrySet()) {
      String field = entry.getKey();
      if (!Criteria.isValidAttributeName(field)) {
        return Either.left(ObjectQuery.unknownAttributeMessage(String.valueOf(field)));
      }
      Either<String, Literal> value = literalOf(field, entry.getValue());
      if (value.isLeft()) {
        return Either.left(value.getLeft());
      }
      conditions.add(new Criteria.Comparison(field, ComparisonOperator.EQUAL, value.get()));
    }
    return Either.right(Criteria.allOf(conditions));
  }

  /**
   * The query for {@code directoryClass} the entries express; left as {@link #toCriteria} does, and
   * with {@code <field>: Unknown attribute} for a field the class does not have.
   */
  public static Either<String, ObjectQuery> toQuery(
      DirectoryClass directoryClass, Map<String, ?> criteriaObject) {
    Objects.requireNonNull(directoryClass, "directoryClass");
    return toCriteria(criteriaObject)
        .map(criteria -> new ObjectQuery(directoryClass, criteria))
        .flatMap(ObjectQuery::checkAttributes);
  }

  private static Either<String, Literal> literalOf(String field, Object value) {
    if (value instanceof String) {
      return Either.right(Literal.of((String) value));
    }
    if (value instanceof Long
        || value instanceof Integer
        || value instanceof Short
        || value instanceof Byte) {
      return Either.right(Literal.of(((Number) value).longValue()));
    }
    if (value instanceof BigInteger) {
      BigInteger big = (BigInteger) value;
      if (big.compareTo(LONG_MIN) >= 0 && big.compareTo(LONG_MAX) <= 0) {
        return Either.right(Literal.of(big.longValue()));
      }
      return Either.left(field + ": the value " + big + " is out of range");
    }
    return Either.left(field + ": a criteria value must be a string or an integer");
  }
}
