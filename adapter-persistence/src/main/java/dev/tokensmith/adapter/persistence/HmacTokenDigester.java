package dev.tokensmith.adapter.persistence;

import dev.tokensmith.application.port.out.TokenDigester;
import dev.tokensmith.domain.token.SecretDigest;
import dev.tokensmith.domain.token.TokenId;
import dev.tokensmith.domain.token.TokenSecret;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * {@link TokenDigester} with HMAC-SHA-256 over the token id and secret, keyed with a pepper that
 * never lives in the database, encoded {@code hmac-sha256$<keyId>$<base64>}; every known key
 * verifies, the newest makes new digests, comparison is constant-time.
 */
public final class HmacTokenDigester implements TokenDigester {
  /** The algorithm name in the encoded digest. */
  public static final String ALGORITHM = "hmac-sha256";

  private static final String MAC = "HmacSHA256";
  private static final int MAC_BYTES = 32;

  /** Keyed, never-updated MACs; each use works on a clone, which skips the key setup. */
  private final Map<String, Mac> prototypes;

  private final String newest;

  public HmacTokenDigester(Peppers peppers) {
    Map<String, Mac> macs = new LinkedHashMap<>();
    for (String keyId : peppers.keyIds()) {
      byte[] key = peppers.key(keyId);
      try {
        Mac mac = Mac.getInstance(MAC);
        mac.init(new SecretKeySpec(key, MAC));
        mac.clone(); // fail at start, not per request, if the provider cannot clone
        macs.put(keyId, mac);
      } catch (GeneralSecurityException | CloneNotSupportedException e) {
        throw new IllegalStateException("HMAC-SHA-256 is not available: " + e.getMessage(), e);
      } finally {
        Arrays.fill(key, (byte) 0);
      }
    }
    this.prototypes = Collections.unmodifiableMap(macs);
    this.newest = peppers.newestKeyId();
  }

  @Override
  public SecretDigest digest(TokenId id, TokenSecret secret) {
    byte[] mac = mac(prototypes.get(newest), id, secret);
    return new SecretDigest(
        ALGORITHM + "$" + newest + "$" + Base64.getEncoder().encodeToString(mac));
  }

  @Override
  public boolean matches(TokenId id, TokenSecret secret, SecretDigest stored) {
    String encoded = stored.encoded();
    if (!encoded.startsWith(ALGORITHM) || encoded.indexOf('$') != ALGORITHM.length()) {
      return false;
    }
    int keyEnd = encoded.indexOf('$', ALGORITHM.length() + 1);
    Mac prototype = prototypes.get(encoded.substring(ALGORITHM.length() + 1, keyEnd));
    if (prototype == null) {
      return false;
    }
    byte[] expected;
    try {
      expected = Base64.getDecoder().decode(encoded.substring(keyEnd + 1));
    } catch (IllegalArgumentException e) {
      return false;
    }
    if (expected.length != MAC_BYTES) {
      return false;
    }
    return MessageDigest.isEqual(mac(prototype, id, secret), expected);
  }

  /** Whether a key with this id is known. */
  boolean knows(String keyId) {
    return prototypes.containsKey(keyId);
  }

  /** HMAC-SHA-256 of id and secret with key {@code keyId}, which must be known. */
  byte[] mac(String keyId, TokenId id, TokenSecret secret) {
    return mac(prototypes.get(keyId), id, secret);
  }

  private static byte[] mac(Mac prototype, TokenId id, TokenSecret secret) {
    Mac mac;
    try {
      mac = (Mac) prototype.clone();
    } catch (CloneNotSupportedException e) {
      throw new IllegalStateException("HMAC-SHA-256 cannot be cloned", e);
    }
    byte[] bytes = secret.reveal();
    try {
      mac.update(id.bytes());
      mac.update(bytes);
      return mac.doFinal();
    } finally {
      Arrays.fill(bytes, (byte) 0);
    }
  }

  @Override
  public String toString() {
    return "HmacTokenDigester[keys "
        + String.join(", ", prototypes.keySet())
        + ", newest "
        + newest
        + ", redacted]";
  }
}
