package dev.tokensmith.domain.directory;

import java.util.Arrays;
import java.util.Objects;

/**
 * An iTop LIKE pattern, read the way MySQL reads it: {@code %} matches any sequence of characters,
 * {@code _} exactly one character, and {@code \} makes the next character literal; a {@code \} at
 * the very end stands for itself. Characters are Unicode code points.
 */
public final class LikePattern {
  private static final int ANY_SEQUENCE = -1;
  private static final int ANY_ONE = -2;

  private final String raw;
  // code points, or ANY_SEQUENCE / ANY_ONE for the wildcards
  private final int[] elements;

  private LikePattern(String raw, int[] elements) {
    this.raw = raw;
    this.elements = elements;
  }

  /** Reads {@code raw}; every string is a valid pattern. */
  public static LikePattern of(String raw) {
    Objects.requireNonNull(raw, "raw");
    int[] codePoints = raw.codePoints().toArray();
    int[] elements = new int[codePoints.length];
    int count = 0;
    for (int i = 0; i < codePoints.length; i++) {
      int c = codePoints[i];
      if (c == '\\' && i + 1 < codePoints.length) {
        elements[count++] = codePoints[++i];
      } else if (c == '%') {
        elements[count++] = ANY_SEQUENCE;
      } else if (c == '_') {
        elements[count++] = ANY_ONE;
      } else {
        elements[count++] = c;
      }
    }
    return new LikePattern(raw, Arrays.copyOf(elements, count));
  }

  /** The pattern as written. */
  public String raw() {
    return raw;
  }

  /**
   * The same pattern for SQL's {@code LIKE} with its default escape {@code \}: wildcards as is, the
   * literal characters {@code % _ \} escaped, no other escape.
   */
  public String escaped() {
    StringBuilder escaped = new StringBuilder();
    for (int element : elements) {
      if (element == ANY_SEQUENCE) {
        escaped.append('%');
      } else if (element == ANY_ONE) {
        escaped.append('_');
      } else {
        if (element == '%' || element == '_' || element == '\\') {
          escaped.append('\\');
        }
        escaped.appendCodePoint(element);
      }
    }
    return escaped.toString();
  }

  /** Whether the pattern needs the character {@code codePoint} literally (not as a wildcard). */
  public boolean requiresLiteral(int codePoint) {
    for (int element : elements) {
      if (element == codePoint) {
        return true;
      }
    }
    return false;
  }

  /** Whether the whole of {@code text} matches, character for character (case-sensitive). */
  public boolean matches(String text) {
    int[] t = text.codePoints().toArray();
    int p = 0;
    int s = 0;
    // where the last % was, and how much of the text it has swallowed so far
    int star = -1;
    int starText = 0;
    while (s < t.length) {
      if (p < elements.length
          && elements[p] != ANY_SEQUENCE
          && (elements[p] == ANY_ONE || elements[p] == t[s])) {
        p++;
        s++;
      } else if (p < elements.length && elements[p] == ANY_SEQUENCE) {
        star = p++;
        starText = s;
      } else if (star >= 0) {
        p = star + 1;
        s = ++starText;
      } else {
        return false;
      }
    }
    while (p < elements.length && elements[p] == ANY_SEQUENCE) {
      p++;
    }
    return p == elements.length;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof LikePattern that && Arrays.equals(elements, that.elements);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(elements);
  }

  @Override
  public String toString() {
    return "LikePattern[" + raw + "]";
  }
}
