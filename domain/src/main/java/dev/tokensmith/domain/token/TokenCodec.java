package dev.tokensmith.domain.token;

import io.vavr.control.Either;
import io.vavr.control.Option;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import java.util.zip.CRC32;

/**
 * Formats and parses token strings: {@code <prefix><kind>_}, base62 id (22), base62 secret (43),
 * base62 CRC32 of everything before (6). Parsing is total: it never throws and rejects a wrong
 * checksum before anyone looks the token up.
 */
public final class TokenCodec {
  public static final String DEFAULT_PREFIX = "tks";
  private static final Pattern PREFIX = Pattern.compile("[a-z][a-z0-9]{1,9}");
  private static final int CHECKSUM_LENGTH = 6;
  private static final int BODY_LENGTH =
      TokenId.TEXT_LENGTH + TokenSecret.TEXT_LENGTH + CHECKSUM_LENGTH;

  private final String personalPrefix;
  private final String applicationPrefix;
  private final int length;

  /** {@code installationPrefix} is 2 to 10 lower-case letters or digits, starting with a letter. */
  public TokenCodec(String installationPrefix) {
    if (installationPrefix == null || !PREFIX.matcher(installationPrefix).matches()) {
      throw new IllegalArgumentException(
          "token prefix must be 2 to 10 lower-case letters or digits, starting with a letter");
    }
    this.personalPrefix = installationPrefix + TokenKind.PERSONAL.letter() + "_";
    this.applicationPrefix = installationPrefix + TokenKind.APPLICATION.letter() + "_";
    this.length = personalPrefix.length() + BODY_LENGTH;
  }

  public static boolean isValidPrefix(String installationPrefix) {
    return installationPrefix != null && PREFIX.matcher(installationPrefix).matches();
  }

  /** The total length of every token string of this installation (76 with {@code tks}). */
  public int length() {
    return length;
  }

  public String prefixOf(TokenKind kind) {
    return kind == TokenKind.PERSONAL ? personalPrefix : applicationPrefix;
  }

  public TokenValue format(TokenKind kind, TokenId id, TokenSecret secret) {
    String withoutChecksum =
        prefixOf(kind)
            + Base62.encode(id.bytes(), TokenId.TEXT_LENGTH)
            + Base62.encode(secret.reveal(), TokenSecret.TEXT_LENGTH);
    return new TokenValue(withoutChecksum + checksum(withoutChecksum, withoutChecksum.length()));
  }

  public Either<TokenParseFailure, ParsedToken> parse(CharSequence input) {
    if (input == null) {
      return Either.left(new TokenParseFailure.WrongLength(length, 0));
    }
    TokenKind kind = kindOf(input);
    if (kind == null) {
      return Either.left(new TokenParseFailure.WrongPrefix(personalPrefix, applicationPrefix));
    }
    if (input.length() != length) {
      return Either.left(new TokenParseFailure.WrongLength(length, input.length()));
    }
    int bodyStart = personalPrefix.length();
    for (int i = bodyStart; i < length; i++) {
      if (Base62.digit(input.charAt(i)) < 0) {
        return Either.left(new TokenParseFailure.IllegalCharacter(i));
      }
    }
    int checksumStart = length - CHECKSUM_LENGTH;
    String expected = checksum(input, checksumStart);
    for (int i = 0; i < CHECKSUM_LENGTH; i++) {
      if (expected.charAt(i) != input.charAt(checksumStart + i)) {
        return Either.left(new TokenParseFailure.WrongChecksum());
      }
    }
    Option<byte[]> id = Base62.decode(input, bodyStart, TokenId.TEXT_LENGTH, TokenId.BYTES);
    if (id.isEmpty()) {
      return Either.left(new TokenParseFailure.FieldOutOfRange("id"));
    }
    Option<byte[]> secret =
        Base62.decode(
            input, bodyStart + TokenId.TEXT_LENGTH, TokenSecret.TEXT_LENGTH, TokenSecret.BYTES);
    if (secret.isEmpty()) {
      return Either.left(new TokenParseFailure.FieldOutOfRange("secret"));
    }
    return Either.right(new ParsedToken(kind, TokenId.of(id.get()), new TokenSecret(secret.get())));
  }

  private TokenKind kindOf(CharSequence input) {
    if (startsWith(input, personalPrefix)) {
      return TokenKind.PERSONAL;
    }
    if (startsWith(input, applicationPrefix)) {
      return TokenKind.APPLICATION;
    }
    return null;
  }

  private static boolean startsWith(CharSequence input, String prefix) {
    if (input.length() < prefix.length()) {
      return false;
    }
    for (int i = 0; i < prefix.length(); i++) {
      if (input.charAt(i) != prefix.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private static String checksum(CharSequence text, int end) {
    CRC32 crc = new CRC32();
    byte[] ascii = text.subSequence(0, end).toString().getBytes(StandardCharsets.US_ASCII);
    crc.update(ascii);
    byte[] value = ByteBuffer.allocate(4).putInt((int) crc.getValue()).array();
    return Base62.encode(value, CHECKSUM_LENGTH);
  }
}
