package dev.tokensmith.domain.session;

import java.util.Objects;

/**
 * The stored form of a {@link SessionKey}: base64url of its SHA-256 (43 characters). A 256-bit
 * random key gains nothing from a pepper or a slow hash, and a deterministic digest lets the
 * session be found by it in one indexed read.
 */
public record SessionDigest(String value) {
  public SessionDigest {
    Objects.requireNonNull(value, "value");
    if (value.length() != 43) {
      throw new IllegalArgumentException("a session digest has 43 characters");
    }
  }
}
