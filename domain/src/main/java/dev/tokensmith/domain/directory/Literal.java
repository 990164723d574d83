package dev.tokensmith.domain.directory;

import java.util.Objects;

/** A constant a query compares an attribute with: a string or an integer. */
public sealed interface Literal {

  /** A string constant; any characters, possibly empty. */
  record Text(String value) implements Literal {
    public Text {
      Objects.requireNonNull(value, "value");
    }
  }

  /** A whole-number constant, such as an object id. */
  record Number(long value) implements Literal {}

  static Literal of(String value) {
    return new Text(value);
  }

  static Literal of(long value) {
    return new Number(value);
  }
}
