package dev.tokensmith.adapter.persistence;

import dev.tokensmith.domain.token.SecretDigest;
import dev.tokensmith.domain.token.TokenId;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A bounded cache of successful slow-digest verifications, keyed by token id, the stored digest and
 * an HMAC of the presented secret under a random key that lives only in this process: it never
 * holds a secret, and its keys are worthless outside the process. A refresh changes the stored
 * digest and a deletion makes the lookup fail, so neither is hidden by the cache. Striped LRU maps,
 * so that there is no global lock.
 */
final class VerifiedDigests {
  private static final String MAC = "HmacSHA256";
  private static final int STRIPES = 16;

  /** One verified (token, stored digest, presented secret). */
  record Key(TokenId id, String storedDigest, long mac0, long mac1, long mac2, long mac3) {
    @Override
    public String toString() {
      return "VerifiedDigests.Key[" + id + ", redacted]";
    }
  }

  private final Mac prototype;
  private final Stripe[] stripes = new Stripe[STRIPES];
  private final int capacity;

  VerifiedDigests(int capacity, SecureRandom random) {
    if (capacity < STRIPES) {
      throw new IllegalArgumentException("the cache holds at least " + STRIPES + " entries");
    }
    this.capacity = capacity;
    byte[] key = new byte[32];
    random.nextBytes(key);
    try {
      prototype = Mac.getInstance(MAC);
      prototype.init(new SecretKeySpec(key, MAC));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA-256 is not available", e);
    } finally {
      Arrays.fill(key, (byte) 0);
    }
    for (int i = 0; i < STRIPES; i++) {
      stripes[i] = new Stripe(capacity / STRIPES);
    }
  }

  /** The cache key of {@code secretBytes} presented for token {@code id} against {@code stored}. */
  Key key(TokenId id, byte[] secretBytes, SecretDigest stored) {
    Mac mac;
    try {
      mac = (Mac) prototype.clone();
    } catch (CloneNotSupportedException e) {
      throw new IllegalStateException("HMAC-SHA-256 cannot be cloned", e);
    }
    mac.update(id.bytes());
    ByteBuffer tag = ByteBuffer.wrap(mac.doFinal(secretBytes));
    return new Key(
        id, stored.encoded(), tag.getLong(), tag.getLong(), tag.getLong(), tag.getLong());
  }

  boolean contains(Key key) {
    return stripeOf(key).contains(key);
  }

  void add(Key key) {
    stripeOf(key).add(key);
  }

  /** How many verifications are cached (at most the capacity). */
  int size() {
    int size = 0;
    for (Stripe stripe : stripes) {
      size += stripe.size();
    }
    return size;
  }

  int capacity() {
    return capacity;
  }

  private Stripe stripeOf(Key key) {
    return stripes[Math.floorMod(key.hashCode(), STRIPES)];
  }

  /** An LRU set of keys. */
  private static final class Stripe {
    private final Map<Key, Boolean> entries;

    Stripe(int capacity) {
      this.entries =
          new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, Boolean> eldest) {
              return size() > capacity;
            }
          };
    }

    synchronized boolean contains(Key key) {
      return entries.get(key) != null;
    }

    synchronized void add(Key key) {
      entries.put(key, Boolean.TRUE);
    }

    synchronized int size() {
      return entries.size();
    }
  }
}
