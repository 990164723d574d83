package dev.tokensmith.adapter.itop.oql;

/**
 * One lexical unit of an OQL query: {@code text} is the name, the unescaped string or the digits;
 * {@code start} and {@code end} delimit its source text.
 */
record OqlToken(Kind kind, String text, long number, int start, int end) {
  enum Kind {
    /** A bare word: a keyword or a name, {@code [A-Za-z_][A-Za-z0-9_]*}. */
    WORD,
    /** A name in back-quotes, never a keyword. */
    QUOTED_NAME,
    STRING,
    INTEGER,
    EQUAL,
    NOT_EQUAL,
    LESS,
    GREATER,
    LESS_OR_EQUAL,
    GREATER_OR_EQUAL,
    LEFT_PARENTHESIS,
    RIGHT_PARENTHESIS,
    COMMA,
    DOT,
    END
  }

  boolean isKeyword(String keyword) {
    return kind == Kind.WORD && text.equalsIgnoreCase(keyword);
  }
}
