package dev.tokensmith.domain.token;

import io.vavr.control.Option;

/**
 * Fixed-width base62 of unsigned big-endian numbers, alphabet {@code 0-9A-Za-z}, left-padded with
 * {@code 0}. Works on byte arrays directly (schoolbook arithmetic) because it sits on the
 * authentication hot path.
 */
public final class Base62 {
  static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
  private static final byte[] DIGIT_OF = new byte[128];

  static {
    java.util.Arrays.fill(DIGIT_OF, (byte) -1);
    for (int i = 0; i < ALPHABET.length(); i++) {
      DIGIT_OF[ALPHABET.charAt(i)] = (byte) i;
    }
  }

  private Base62() {}

  /** The digit value of {@code c}, or -1 when it is not a base62 character. */
  public static int digit(char c) {
    return c < 128 ? DIGIT_OF[c] : -1;
  }

  /** Encodes {@code bytes} as exactly {@code width} characters; throws if it does not fit. */
  public static String encode(byte[] bytes, int width) {
    int[] number = new int[bytes.length];
    for (int i = 0; i < bytes.length; i++) {
      number[i] = bytes[i] & 0xFF;
    }
    char[] out = new char[width];
    for (int position = width - 1; position >= 0; position--) {
      int remainder = 0;
      for (int i = 0; i < number.length; i++) {
        int value = (remainder << 8) | number[i];
        number[i] = value / 62;
        remainder = value % 62;
      }
      out[position] = ALPHABET.charAt(remainder);
    }
    for (int value : number) {
      if (value != 0) {
        throw new IllegalArgumentException("the number does not fit in " + width + " digits");
      }
    }
    return new String(out);
  }

  /**
   * Decodes {@code length} characters of {@code text} from {@code start} into {@code byteLength}
   * bytes; none when a character is not base62 or the number needs more bytes.
   */
  public static Option<byte[]> decode(CharSequence text, int start, int length, int byteLength) {
    int[] number = new int[byteLength];
    for (int p = start; p < start + length; p++) {
      int carry = digit(text.charAt(p));
      if (carry < 0) {
        return Option.none();
      }
      for (int i = byteLength - 1; i >= 0; i--) {
        int value = number[i] * 62 + carry;
        number[i] = value & 0xFF;
        carry = value >>> 8;
      }
      if (carry != 0) {
        return Option.none();
      }
    }
    byte[] bytes = new byte[byteLength];
    for (int i = 0; i < byteLength; i++) {
      bytes[i] = (byte) number[i];
    }
    return Option.some(bytes);
  }
}
