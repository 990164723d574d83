package dev.tokensmith.application.fake;

import dev.tokensmith.application.port.out.PasswordHasher;
import dev.tokensmith.domain.account.Password;
import dev.tokensmith.domain.account.PasswordHash;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A fast salted {@link PasswordHasher} for tests: {@code fake$<cost>$<salt>$<sha256>}. Raising
 * {@link #setCost(int)} makes older hashes need a rehash, as with Argon2id.
 */
public final class FakePasswordHasher implements PasswordHasher {
  private final AtomicLong salts = new AtomicLong();
  private volatile int cost = 1;

  public void setCost(int cost) {
    this.cost = cost;
  }

  @Override
  public PasswordHash hash(Password password) {
    String salt = Long.toString(salts.incrementAndGet());
    return new PasswordHash("fake$" + cost + "$" + salt + "$" + sha(salt, password));
  }

  @Override
  public boolean verify(Password password, PasswordHash hash) {
    String[] parts = hash.encoded().split("\\$");
    return parts.length == 4
        && MessageDigest.isEqual(
            sha(parts[2], password).getBytes(StandardCharsets.US_ASCII),
            parts[3].getBytes(StandardCharsets.US_ASCII));
  }

  @Override
  public boolean needsRehash(PasswordHash hash) {
    return Integer.parseInt(hash.encoded().split("\\$")[1]) < cost;
  }

  private static String sha(String salt, Password password) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(salt.getBytes(StandardCharsets.UTF_8));
      sha.update(new String(password.reveal()).getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder().encodeToString(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
