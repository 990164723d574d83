package dev.tokensmith.domain.account;

import dev.tokensmith.domain.input.StorableText;
import java.util.Arrays;
import java.util.Objects;

/** A plaintext password on its way to be hashed or checked; never printed. */
public final class Password {
  public static final int MIN_LENGTH = 8;
  public static final int MAX_LENGTH = 1024;

  private final char[] value;

  private Password(char[] value) {
    this.value = value;
  }

  public static Password of(String value) {
    Objects.requireNonNull(value, "password");
    return new Password(value.toCharArray());
  }

  /** A sentence saying why {@code value} is not acceptable as a new password, or null. */
  public static @org.jspecify.annotations.Nullable String problem(String value) {
    if (value == null || value.length() < MIN_LENGTH) {
      return "password must be at least " + MIN_LENGTH + " characters";
    }
    if (value.length() > MAX_LENGTH) {
      return "password must be at most " + MAX_LENGTH + " characters";
    }
    return StorableText.problem("password", value);
  }

  /** A copy of the characters; the caller should wipe it after use. */
  public char[] reveal() {
    return value.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Password that && Arrays.equals(value, that.value);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(value);
  }

  @Override
  public String toString() {
    return "Password[redacted]";
  }
}
