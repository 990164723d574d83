package dev.tokensmith.domain.directory;

import io.vavr.control.Option;
import java.util.regex.Pattern;

/**
 * How directory queries compare values, the same in every store: text case-insensitively for ASCII
 * letters only and in code-point order; numbers numerically; a text compared with a number only
 * when it is an integer.
 */
public final class DirectoryText {
  private static final Pattern INTEGER = Pattern.compile("[+-]?[0-9]+");

  private DirectoryText() {}

  /**
   * {@code text} with the ASCII letters {@code A-Z} in lower case and every other character kept,
   * as PostgreSQL's {@code lower()} does under {@code COLLATE "C"}.
   */
  public static String fold(String text) {
    StringBuilder folded = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= 'A' && c <= 'Z') {
        if (folded == null) {
          folded = new StringBuilder(text);
        }
        folded.setCharAt(i, (char) (c + ('a' - 'A')));
      }
    }
    return folded == null ? text : folded.toString();
  }

  /**
   * Orders strings by Unicode code point, as PostgreSQL's {@code COLLATE "C"} orders UTF-8 text
   * ({@link String#compareTo} compares UTF-16 units, which differs above U+FFFF).
   */
  public static int compare(String left, String right) {
    int i = 0;
    int j = 0;
    while (i < left.length() && j < right.length()) {
      int a = left.codePointAt(i);
      int b = right.codePointAt(j);
      if (a != b) {
        return Integer.compare(a, b);
      }
      i += Character.charCount(a);
      j += Character.charCount(b);
    }
    return Boolean.compare(i < left.length(), j < right.length());
  }

  /** {@code compare(fold(left), fold(right))}: the order text comparisons use. */
  public static int compareIgnoringCase(String left, String right) {
    return compare(fold(left), fold(right));
  }

  /**
   * The integer a text literal stands for when compared with a numeric attribute: an optional sign
   * and ASCII digits, nothing else (no spaces, no decimals), within the range of a long; none
   * otherwise, and then it equals no number.
   */
  public static Option<Long> integer(String text) {
    if (!INTEGER.matcher(text).matches()) {
      return Option.none();
    }
    try {
      return Option.some(Long.parseLong(text));
    } catch (NumberFormatException tooLarge) {
      return Option.none();
    }
  }

  /**
   * Whether {@code text} is well-formed UTF-16: every surrogate is half of a pair. Other text has
   * no UTF-8 form, so the database could not store or compare it as sent.
   */
  public static boolean isWellFormed(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return false;
      }
    }
    return true;
  }

  /** A literal as text: a string as is, a number in decimal. */
  public static String asText(Literal literal) {
    return literal instanceof Literal.Text text
        ? text.value()
        : Long.toString(((Literal.Number) literal).value());
  }
}
