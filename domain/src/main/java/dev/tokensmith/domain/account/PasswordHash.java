package dev.tokensmith.domain.account;

/** A password hash in its encoded form (e.g. Argon2id PHC string). Printed redacted. */
public record PasswordHash(String encoded) {
  public PasswordHash {
    if (encoded == null || encoded.isBlank()) {
      throw new IllegalArgumentException("a password hash is not blank");
    }
  }

  @Override
  public String toString() {
    return "PasswordHash[redacted]";
  }
}
