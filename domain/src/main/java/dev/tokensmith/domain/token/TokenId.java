package dev.tokensmith.domain.token;

import io.vavr.control.Option;
import java.nio.ByteBuffer;
import java.util.UUID;

/**
 * The public identifier of a token: 128 random bits. Its text form is the 22 base62 characters that
 * also appear in the token string, so a leaked value names its token.
 */
public record TokenId(long high, long low) {
  public static final int BYTES = 16;
  public static final int TEXT_LENGTH = 22;

  public static TokenId of(byte[] bytes) {
    if (bytes.length != BYTES) {
      throw new IllegalArgumentException("a token id has 16 bytes");
    }
    ByteBuffer buffer = ByteBuffer.wrap(bytes);
    return new TokenId(buffer.getLong(), buffer.getLong());
  }

  public static TokenId of(UUID uuid) {
    return new TokenId(uuid.getMostSignificantBits(), uuid.getLeastSignificantBits());
  }

  /** Reads the 22-character text form; none for anything else. */
  public static Option<TokenId> parse(String text) {
    if (text == null || text.length() != TEXT_LENGTH) {
      return Option.none();
    }
    return Base62.decode(text, 0, TEXT_LENGTH, BYTES).map(TokenId::of);
  }

  public byte[] bytes() {
    return ByteBuffer.allocate(BYTES).putLong(high).putLong(low).array();
  }

  public UUID uuid() {
    return new UUID(high, low);
  }

  /** The 22-character base62 form used in the token string, the API and the UI. */
  public String text() {
    return Base62.encode(bytes(), TEXT_LENGTH);
  }

  @Override
  public String toString() {
    return text();
  }
}
