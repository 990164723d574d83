package dev.tokensmith.domain.directory;

/** How a {@link Criteria.Comparison} compares an attribute with its literal. */
public enum ComparisonOperator {
  EQUAL("="),
  NOT_EQUAL("!="),
  LESS("<"),
  GREATER(">"),
  LESS_OR_EQUAL("<="),
  GREATER_OR_EQUAL(">=");

  private final String symbol;

  ComparisonOperator(String symbol) {
    this.symbol = symbol;
  }

  /** The operator as OQL and SQL write it: {@code = != < > <= >=}. */
  public String symbol() {
    return symbol;
  }
}
