package dev.tokensmith.domain.account;

/** The identifier of a {@link User}, assigned by the account directory. */
public record UserId(long value) {
  public UserId {
    if (value <= 0) {
      throw new IllegalArgumentException("a user id is positive");
    }
  }
}
