package dev.tokensmith.domain.token;

/**
 * What is stored instead of a token secret, in its encoded form {@code <algorithm>$<keyId>$<data>}
 * (e.g. {@code hmac-sha256$k1$…}), so the key used can be told and rotated.
 */
public record SecretDigest(String encoded) {
  public SecretDigest {
    if (encoded == null || encoded.indexOf('$', encoded.indexOf('$') + 1) < 0) {
      throw new IllegalArgumentException("a secret digest reads <algorithm>$<keyId>$<data>");
    }
  }

  /** The id of the key (pepper) that made this digest. */
  public String keyId() {
    return encoded.split("\\$", 3)[1];
  }

  public String algorithm() {
    return encoded.substring(0, encoded.indexOf('$'));
  }

  @Override
  public String toString() {
    return "SecretDigest[" + algorithm() + "$" + keyId() + "$…]";
  }
}
