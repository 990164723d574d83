package dev.tokensmith.adapter.itop;

import io.vavr.control.Either;
import java.util.Map;

/**
 * Puts the values of {@code arg_<name>} parameters in place of the {@code :name} placeholders of an
 * OQL query (outside its strings), each as a quoted OQL string, as iTop binds query arguments.
 */
final class OqlArguments {
  private OqlArguments() {}

  /** The query with every placeholder replaced, or the name of the first one without a value. */
  static Either<String, String> bind(String oql, Map<String, String> arguments) {
    StringBuilder bound = new StringBuilder(oql.length());
    char quote = 0;
    for (int i = 0; i < oql.length(); i++) {
      char c = oql.charAt(i);
      if (quote != 0) {
        bound.append(c);
        if (c == '\\' && i + 1 < oql.length()) {
          bound.append(oql.charAt(++i));
        } else if (c == quote) {
          quote = 0;
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
        bound.append(c);
      } else if (c == ':' && i + 1 < oql.length() && isNameStart(oql.charAt(i + 1))) {
        int end = i + 1;
        while (end < oql.length() && isNamePart(oql.charAt(end))) {
          end++;
        }
        String name = oql.substring(i + 1, end);
        String value = arguments.get(name);
        if (value == null) {
          return Either.left(name);
        }
        bound.append('\'').append(value.replace("\\", "\\\\").replace("'", "\\'")).append('\'');
        i = end - 1;
      } else {
        bound.append(c);
      }
    }
    return Either.right(bound.toString());
  }

  private static boolean isNameStart(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
  }

  private static boolean isNamePart(char c) {
    return isNameStart(c) || (c >= '0' && c <= '9');
  }
}
