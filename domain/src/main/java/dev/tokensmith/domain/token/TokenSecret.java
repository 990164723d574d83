package dev.tokensmith.domain.token;

import java.security.MessageDigest;

/** The 256 random bits that prove possession of a token. Never printed. */
public final class TokenSecret {
  public static final int BYTES = 32;
  public static final int TEXT_LENGTH = 43;

  private final byte[] bytes;

  public TokenSecret(byte[] bytes) {
    if (bytes.length != BYTES) {
      throw new IllegalArgumentException("a token secret has 32 bytes");
    }
    this.bytes = bytes.clone();
  }

  /** A copy of the secret bits, for the digester. */
  public byte[] reveal() {
    return bytes.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof TokenSecret that && MessageDigest.isEqual(bytes, that.bytes);
  }

  @Override
  public int hashCode() {
    return 0; // equal secrets must hash alike; a constant leaks nothing about the bits
  }

  @Override
  public String toString() {
    return "TokenSecret[redacted]";
  }
}
