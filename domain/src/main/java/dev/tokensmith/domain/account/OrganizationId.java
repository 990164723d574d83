package dev.tokensmith.domain.account;

/** The identifier of an {@link Organization}, assigned by the account directory. */
public record OrganizationId(long value) {
  public OrganizationId {
    if (value <= 0) {
      throw new IllegalArgumentException("an organization id is positive");
    }
  }
}
