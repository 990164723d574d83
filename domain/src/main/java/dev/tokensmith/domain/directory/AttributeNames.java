package dev.tokensmith.domain.directory;

import java.util.regex.Pattern;

/** The shape every attribute code has: a letter or {@code _}, then letters, digits or {@code _}. */
final class AttributeNames {
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private AttributeNames() {}

  static boolean isValid(String attribute) {
    return attribute != null && NAME.matcher(attribute).matches();
  }

  static String require(String attribute) {
    if (!isValid(attribute)) {
      throw new IllegalArgumentException(
          "an attribute name is a letter or _ followed by letters, digits or _");
    }
    return attribute;
  }
}
