package dev.tokensmith.domain.account;

import dev.tokensmith.domain.input.StorableText;

/** Checks shared by every human-entered name: present, trimmed, not blank, at most 255 chars. */
public final class Names {
  public static final int MAX_LENGTH = 255;

  private Names() {}

  /**
   * Returns the trimmed value, or throws when it is null, blank or too long; callers validate user
   * input beforehand with {@link #problem(String, String)}.
   */
  public static String required(String field, String value) {
    String problem = problem(field, value);
    if (problem != null) {
      throw new IllegalArgumentException(problem);
    }
    return value.strip();
  }

  /** A sentence saying what is wrong with {@code value}, or null when it is a valid name. */
  public static @org.jspecify.annotations.Nullable String problem(String field, String value) {
    if (value == null || value.isBlank()) {
      return field + " must not be blank";
    }
    if (value.strip().length() > MAX_LENGTH) {
      return field + " must be at most " + MAX_LENGTH + " characters";
    }
    for (int i = 0; i < value.length(); i++) {
      if (Character.isISOControl(value.charAt(i))) {
        return field + " must not contain control characters";
      }
    }
    return StorableText.problem(field, value);
  }
}
