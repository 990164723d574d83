package dev.tokensmith.adapter.itop.oql;

import dev.tokensmith.adapter.itop.oql.OqlToken.Kind;

/**
 * Cuts an OQL query into tokens, one at a time, throwing {@link OqlFailure} at the first character
 * that cannot start or continue a token.
 */
final class OqlLexer {
  private final String input;
  private int index;

  OqlLexer(String input) {
    this.input = input;
  }

  OqlToken next() {
    skipWhitespace();
    int start = index;
    if (index >= input.length()) {
      return new OqlToken(Kind.END, "", 0, start, start);
    }
    char c = input.charAt(index);
    if (isNameStart(c)) {
      return word(start);
    }
    if (isDigit(c)
        || (c == '-' && index + 1 < input.length() && isDigit(input.charAt(index + 1)))) {
      return integer(start);
    }
    switch (c) {
      case '\'':
      case '"':
        return string(start, c);
      case '`':
        return quotedName(start);
      case '=':
        return symbol(Kind.EQUAL, start, 1);
      case '!':
        if (peek(1) == '=') {
          return symbol(Kind.NOT_EQUAL, start, 2);
        }
        throw OqlFailure.malformed(start, "unexpected character '!'; the operator is !=");
      case '<':
        if (peek(1) == '=') {
          return symbol(Kind.LESS_OR_EQUAL, start, 2);
        }
        if (peek(1) == '>') {
          throw OqlFailure.malformed(start, "'<>' is not an OQL operator; write !=");
        }
        return symbol(Kind.LESS, start, 1);
      case '>':
        if (peek(1) == '=') {
          return symbol(Kind.GREATER_OR_EQUAL, start, 2);
        }
        return symbol(Kind.GREATER, start, 1);
      case '(':
        return symbol(Kind.LEFT_PARENTHESIS, start, 1);
      case ')':
        return symbol(Kind.RIGHT_PARENTHESIS, start, 1);
      case ',':
        return symbol(Kind.COMMA, start, 1);
      case '.':
        return symbol(Kind.DOT, start, 1);
      default:
        throw OqlFailure.malformed(
            start, "unexpected character " + Shown.quoted(Shown.visible(input.codePointAt(start))));
    }
  }

  private void skipWhitespace() {
    while (index < input.length()) {
      char c = input.charAt(index);
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != '\f') {
        return;
      }
      index++;
    }
  }

  private char peek(int offset) {
    int at = index + offset;
    return at < input.length() ? input.charAt(at) : '\0';
  }

  private OqlToken symbol(Kind kind, int start, int length) {
    index += length;
    return new OqlToken(kind, input.substring(start, index), 0, start, index);
  }

  private OqlToken word(int start) {
    index++;
    while (index < input.length() && isNamePart(input.charAt(index))) {
      index++;
    }
    return new OqlToken(Kind.WORD, input.substring(start, index), 0, start, index);
  }

  private OqlToken integer(int start) {
    index++;
    while (index < input.length() && isDigit(input.charAt(index))) {
      index++;
    }
    if (peek(0) == '.' && isDigit(peek(1))) {
      throw OqlFailure.malformed(start, "decimal numbers are not supported, only integers");
    }
    String digits = input.substring(start, index);
    long value;
    try {
      value = Long.parseLong(digits);
    } catch (NumberFormatException tooLarge) {
      throw OqlFailure.malformed(
          start, "the integer " + Shown.quoted(digits) + " is out of range (64-bit)");
    }
    return new OqlToken(Kind.INTEGER, digits, value, start, index);
  }

  /**
   * A string in single or double quotes. As in iTop and MySQL, a backslash escapes a backslash or
   * either quote, and the delimiting quote may also be doubled; any other backslash is kept with
   * the character after it, so LIKE patterns such as {@code '50\%'} keep their escape.
   */
  private OqlToken string(int start, char quote) {
    StringBuilder value = new StringBuilder();
    index++;
    while (index < input.length()) {
      char c = input.charAt(index);
      if (c == '\\') {
        if (index + 1 >= input.length()) {
          break;
        }
        char escaped = input.charAt(index + 1);
        if (escaped != '\\' && escaped != '\'' && escaped != '"') {
          value.append('\\');
        }
        value.append(escaped);
        index += 2;
      } else if (c == quote) {
        if (peek(1) == quote) {
          value.append(quote);
          index += 2;
        } else {
          index++;
          return new OqlToken(Kind.STRING, value.toString(), 0, start, index);
        }
      } else {
        value.append(c);
        index++;
      }
    }
    throw OqlFailure.malformed(
        start, "the string that starts with " + quote + " is not closed before the end");
  }

  private OqlToken quotedName(int start) {
    int close = input.indexOf('`', start + 1);
    if (close < 0) {
      throw OqlFailure.malformed(start, "the name that starts with ` is not closed before the end");
    }
    String name = input.substring(start + 1, close);
    if (name.isEmpty()
        || !isNameStart(name.charAt(0))
        || !name.chars().allMatch(ch -> isNamePart((char) ch))) {
      throw OqlFailure.malformed(
          start,
          "the quoted name "
              + Shown.quoted(name)
              + " is not a name: a letter or _ followed by letters, digits or _");
    }
    index = close + 1;
    return new OqlToken(Kind.QUOTED_NAME, name, 0, start, index);
  }

  private static boolean isNameStart(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_';
  }

  private static boolean isNamePart(char c) {
    return isNameStart(c) || isDigit(c);
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
