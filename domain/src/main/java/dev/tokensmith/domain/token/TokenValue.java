package dev.tokensmith.domain.token;

import java.util.Objects;

/**
 * A complete token string as handed to its holder once, at creation or refresh. Printed redacted;
 * only {@link #reveal()} gives the characters.
 */
public final class TokenValue {
  private final String value;

  public TokenValue(String value) {
    this.value = Objects.requireNonNull(value, "value");
  }

  public String reveal() {
    return value;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof TokenValue that && value.equals(that.value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  @Override
  public String toString() {
    return "TokenValue[redacted]";
  }
}
