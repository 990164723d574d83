package dev.tokensmith.domain.token;

/**
 * Why a string is not a token of this installation. Never carries the input, which may be a secret.
 */
public sealed interface TokenParseFailure {
  /** A sentence a person understands. */
  String message();

  /** The string does not start with this installation's personal or application prefix. */
  record WrongPrefix(String personalPrefix, String applicationPrefix) implements TokenParseFailure {
    @Override
    public String message() {
      return "a token starts with " + personalPrefix + " or " + applicationPrefix;
    }
  }

  /** The string has the wrong number of characters. */
  record WrongLength(int expected, int actual) implements TokenParseFailure {
    @Override
    public String message() {
      return "a token has " + expected + " characters, this one has " + actual;
    }
  }

  /** A character outside {@code [A-Za-z0-9]} where base62 is expected. */
  record IllegalCharacter(int position) implements TokenParseFailure {
    @Override
    public String message() {
      return "the token has a character outside A-Z, a-z, 0-9 at position " + (position + 1);
    }
  }

  /** The CRC32 checksum does not match: the value was mistyped or truncated. */
  record WrongChecksum() implements TokenParseFailure {
    @Override
    public String message() {
      return "the token's checksum does not match: it was mistyped or cut";
    }
  }

  /** The id or secret field holds a number larger than its width allows. */
  record FieldOutOfRange(String field) implements TokenParseFailure {
    @Override
    public String message() {
      return "the token's " + field + " is out of range";
    }
  }
}
