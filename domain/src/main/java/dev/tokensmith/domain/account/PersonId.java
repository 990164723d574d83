package dev.tokensmith.domain.account;

/** The identifier of a {@link Person}, assigned by the account directory. */
public record PersonId(long value) {
  public PersonId {
    if (value <= 0) {
      throw new IllegalArgumentException("a person id is positive");
    }
  }
}
