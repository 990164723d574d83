package dev.tokensmith.domain.input;

import org.jspecify.annotations.Nullable;

/**
 * The rule every text a client sends keeps, checked where it enters, before any other rule: text
 * the database can store. PostgreSQL refuses the NUL character (U+0000) in text, and a UTF-16
 * surrogate that is not half of a pair has no UTF-8 form at all; no value may be longer than {@link
 * #MAX_LENGTH} characters (fields with a rule of their own, such as names, allow less).
 */
public final class StorableText {
  /** The longest text value accepted anywhere, in UTF-16 units. */
  public static final int MAX_LENGTH = 4096;

  private StorableText() {}

  /** {@link #problem(String, String, int)} with {@link #MAX_LENGTH}. */
  public static @Nullable String problem(String field, String value) {
    return problem(field, value, MAX_LENGTH);
  }

  /**
   * A sentence naming {@code field} and saying why {@code value} cannot be stored, or null when it
   * can: a NUL character, an unpaired surrogate, or more than {@code maxLength} characters.
   */
  public static @Nullable String problem(String field, String value, int maxLength) {
    if (value.length() > maxLength) {
      return field + " must be at most " + maxLength + " characters";
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\u0000') {
        return field + " must not contain the NUL character (U+0000)";
      }
      if (Character.isHighSurrogate(c)
          && i + 1 < value.length()
          && Character.isLowSurrogate(value.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return field + " must not contain an unpaired UTF-16 surrogate (U+D800 to U+DFFF alone)";
      }
    }
    return null;
  }

  /** Whether {@code value} keeps the rule (with {@link #MAX_LENGTH}). */
  public static boolean isStorable(String value) {
    return problem("", value) == null;
  }
}
