package dev.tokensmith.adapter.persistence;

import de.mkammerer.argon2.Argon2;
import de.mkammerer.argon2.Argon2Factory;
import dev.tokensmith.application.port.out.TokenDigester;
import dev.tokensmith.domain.token.SecretDigest;
import dev.tokensmith.domain.token.TokenId;
import dev.tokensmith.domain.token.TokenSecret;
import io.vavr.control.Option;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.LongAdder;

/**
 * {@link TokenDigester} for installations whose policy demands a slow, salted KDF for every
 * credential: new digests are Argon2id, encoded {@code argon2id$<keyId>$<PHC string>}, of the
 * HMAC-SHA-256 of id and secret under the pepper key {@code keyId} (or, with key id {@code 0}, of
 * the id and secret bytes themselves). HMAC digests ({@code hmac-sha256$…}) keep verifying, so an
 * installation can switch with its tokens in place.
 *
 * <p>An Argon2id verification costs tens of milliseconds and about {@code m} KiB of memory, so
 * successful verifications are cached ({@link VerifiedDigests}: keyed by token id, stored digest
 * and an in-process HMAC of the presented secret, bounded), and at most as many verifications as
 * there are processors run at once. The lookup still reads the database on every call, so a refresh
 * (a new stored digest) or a deletion takes effect at once on every instance.
 */
public final class Argon2TokenDigester implements TokenDigester {
  /** The algorithm name in the encoded digest. */
  public static final String ALGORITHM = "argon2id";

  /** The key id of digests made without a pepper. */
  static final String NO_PEPPER = "0";

  /** The default number of cached verifications. */
  public static final int DEFAULT_CACHE_SIZE = 10_000;

  private final Argon2 argon2 = Argon2Factory.create(Argon2Factory.Argon2Types.ARGON2id);
  private final Option<HmacTokenDigester> hmac;
  private final String newestKeyId;
  private final Argon2PasswordHasher.Cost cost;
  private final VerifiedDigests verified;
  private final LongAdder slowVerifications = new LongAdder();
  private final Semaphore running =
      new Semaphore(Math.max(1, Runtime.getRuntime().availableProcessors()));

  private Argon2TokenDigester(
      Option<Peppers> peppers, Argon2PasswordHasher.Cost cost, int cacheSize) {
    this.hmac = peppers.map(HmacTokenDigester::new);
    this.newestKeyId = peppers.map(Peppers::newestKeyId).getOrElse(NO_PEPPER);
    this.cost = cost;
    this.verified = new VerifiedDigests(cacheSize, new SecureRandom());
  }

  /** Argon2id over the HMAC of id and secret with the newest pepper key; HMAC digests verify. */
  public Argon2TokenDigester(Peppers peppers, Argon2PasswordHasher.Cost cost, int cacheSize) {
    this(Option.some(peppers), cost, cacheSize);
  }

  /** Argon2id over the id and secret bytes, without a pepper (key id {@code 0}). */
  public static Argon2TokenDigester withoutPepper(Argon2PasswordHasher.Cost cost, int cacheSize) {
    return new Argon2TokenDigester(Option.none(), cost, cacheSize);
  }

  @Override
  public SecretDigest digest(TokenId id, TokenSecret secret) {
    byte[] input = input(newestKeyId, id, secret);
    try {
      String phc = argon2.hash(cost.iterations(), cost.memoryKiB(), cost.parallelism(), input);
      return new SecretDigest(ALGORITHM + "$" + newestKeyId + "$" + phc);
    } finally {
      Arrays.fill(input, (byte) 0);
    }
  }

  @Override
  public boolean matches(TokenId id, TokenSecret secret, SecretDigest stored) {
    String encoded = stored.encoded();
    if (encoded.startsWith(HmacTokenDigester.ALGORITHM + "$")) {
      return hmac.exists(digester -> digester.matches(id, secret, stored));
    }
    if (!encoded.startsWith(ALGORITHM + "$")) {
      return false;
    }
    int keyEnd = encoded.indexOf('$', ALGORITHM.length() + 1);
    String keyId = encoded.substring(ALGORITHM.length() + 1, keyEnd);
    String phc = encoded.substring(keyEnd + 1);
    if (!phc.startsWith("$" + ALGORITHM + "$") || !knows(keyId)) {
      return false;
    }
    byte[] secretBytes = secret.reveal();
    try {
      VerifiedDigests.Key key = verified.key(id, secretBytes, stored);
      if (verified.contains(key)) {
        return true;
      }
      running.acquireUninterruptibly();
      try {
        // another request may have verified the same value while this one waited
        if (verified.contains(key)) {
          return true;
        }
        byte[] input = input(keyId, id, secret);
        slowVerifications.increment();
        try {
          if (!argon2.verify(phc, input)) {
            return false;
          }
        } catch (RuntimeException e) {
          return false; // a corrupt digest verifies nothing; the message would only repeat it
        } finally {
          Arrays.fill(input, (byte) 0);
        }
        verified.add(key);
        return true;
      } finally {
        running.release();
      }
    } finally {
      Arrays.fill(secretBytes, (byte) 0);
    }
  }

  private boolean knows(String keyId) {
    return keyId.equals(NO_PEPPER) || hmac.exists(digester -> digester.knows(keyId));
  }

  /** What Argon2id hashes: the peppered HMAC of id and secret, or id and secret for key 0. */
  private byte[] input(String keyId, TokenId id, TokenSecret secret) {
    if (keyId.equals(NO_PEPPER)) {
      byte[] secretBytes = secret.reveal();
      byte[] input = new byte[TokenId.BYTES + TokenSecret.BYTES];
      System.arraycopy(id.bytes(), 0, input, 0, TokenId.BYTES);
      System.arraycopy(secretBytes, 0, input, TokenId.BYTES, TokenSecret.BYTES);
      Arrays.fill(secretBytes, (byte) 0);
      return input;
    }
    return hmac.get().mac(keyId, id, secret);
  }

  /** How many Argon2id verifications ran (the others were answered by the cache). */
  public long slowVerifications() {
    return slowVerifications.sum();
  }

  /** How many verifications are cached now. */
  int cachedVerifications() {
    return verified.size();
  }

  @Override
  public String toString() {
    return "Argon2TokenDigester[argon2id m="
        + cost.memoryKiB()
        + " KiB, t="
        + cost.iterations()
        + ", p="
        + cost.parallelism()
        + ", key "
        + newestKeyId
        + ", cache "
        + verified.capacity()
        + ", redacted]";
  }
}
