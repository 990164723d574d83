package dev.tokensmith.adapter.itop.oql;

/** Renders pieces of a query inside error messages: short, and control characters made visible. */
final class Shown {
  private static final int MAX_CODE_POINTS = 40;

  private Shown() {}

  /** {@code text} quoted, cut after 40 characters, with invisible characters as {@code U+XXXX}. */
  static String quoted(String text) {
    StringBuilder shown = new StringBuilder("'");
    int count = 0;
    for (int i = 0; i < text.length(); ) {
      int codePoint = text.codePointAt(i);
      if (count == MAX_CODE_POINTS) {
        shown.append('…');
        break;
      }
      shown.append(visible(codePoint));
      i += Character.charCount(codePoint);
      count++;
    }
    return shown.append('\'').toString();
  }

  /** One character, or {@code U+XXXX} when it is a control, format or lone surrogate character. */
  static String visible(int codePoint) {
    int type = Character.getType(codePoint);
    if (type == Character.CONTROL
        || type == Character.FORMAT
        || type == Character.SURROGATE
        || type == Character.UNASSIGNED
        || type == Character.PRIVATE_USE
        || type == Character.LINE_SEPARATOR
        || type == Character.PARAGRAPH_SEPARATOR) {
      return String.format(java.util.Locale.ROOT, "U+%04X", codePoint);
    }
    return new String(Character.toChars(codePoint));
  }
}
