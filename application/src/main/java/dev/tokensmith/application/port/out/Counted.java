package dev.tokensmith.application.port.out;

/**
 * How many rows a list has: {@code exact} when the store counted them (cheap: few enough to count),
 * otherwise the database's estimate.
 */
public record Counted(long value, boolean exact) {
  public Counted {
    if (value < 0) {
      throw new IllegalArgumentException("a count is not negative");
    }
  }
}
