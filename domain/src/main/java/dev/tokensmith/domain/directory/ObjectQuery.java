package dev.tokensmith.domain.directory;

import io.vavr.control.Either;
import java.util.Objects;

/** A query for the objects of one directory class that meet a condition. */
public record ObjectQuery(DirectoryClass directoryClass, Criteria criteria) {
  public ObjectQuery {
    Objects.requireNonNull(directoryClass, "directoryClass");
    Objects.requireNonNull(criteria, "criteria");
  }

  /** Every object of {@code directoryClass}. */
  public static ObjectQuery all(DirectoryClass directoryClass) {
    return new ObjectQuery(directoryClass, Criteria.all());
  }

  /**
   * This query when every attribute it reads exists on its class, else iTop's message for the first
   * unknown one, such as {@code no_such_field: Unknown attribute}.
   */
  public Either<String, ObjectQuery> checkAttributes() {
    for (String attribute : criteria.attributes()) {
      if (!directoryClass.hasAttribute(attribute)) {
        return Either.left(unknownAttributeMessage(attribute));
      }
    }
    return Either.right(this);
  }

  /** iTop's message for an attribute code its class does not have. */
  public static String unknownAttributeMessage(String attribute) {
    return attribute + ": Unknown attribute";
  }
}
