package dev.tokensmith.adapter.persistence;

import de.mkammerer.argon2.Argon2;
import de.mkammerer.argon2.Argon2Factory;
import dev.tokensmith.application.port.out.PasswordHasher;
import dev.tokensmith.domain.account.Password;
import dev.tokensmith.domain.account.PasswordHash;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@link PasswordHasher} with Argon2id (argon2-jvm), encoded as a PHC string {@code
 * $argon2id$v=19$m=…,t=…,p=…$salt$hash}; a hash made with a lower cost than the configured one
 * needs a rehash.
 */
public final class Argon2PasswordHasher implements PasswordHasher {
  private static final Pattern PHC =
      Pattern.compile("\\$argon2id\\$v=(\\d+)\\$m=(\\d+),t=(\\d+),p=(\\d+)\\$[^$]+\\$[^$]+");
  private static final int VERSION = 19;

  /**
   * The cost of a hash: memory in KiB, iterations and parallelism; at least the OWASP minimum
   * m=19456, t=2, p=1.
   */
  public record Cost(int memoryKiB, int iterations, int parallelism) {
    public static final Cost MINIMUM = new Cost(19_456, 2, 1);

    public Cost {
      if (memoryKiB < 19_456 || iterations < 2 || parallelism < 1) {
        throw new IllegalArgumentException(
            "an Argon2id cost is at least m=19456 KiB, t=2, p=1, not m="
                + memoryKiB
                + ", t="
                + iterations
                + ", p="
                + parallelism);
      }
    }
  }

  private final Argon2 argon2 = Argon2Factory.create(Argon2Factory.Argon2Types.ARGON2id);
  private final Cost cost;

  /** Hashes with {@link Cost#MINIMUM}. */
  public Argon2PasswordHasher() {
    this(Cost.MINIMUM);
  }

  public Argon2PasswordHasher(Cost cost) {
    this.cost = cost;
  }

  public Cost cost() {
    return cost;
  }

  @Override
  public PasswordHash hash(Password password) {
    char[] chars = password.reveal();
    try {
      return new PasswordHash(
          argon2.hash(
              cost.iterations(),
              cost.memoryKiB(),
              cost.parallelism(),
              chars,
              StandardCharsets.UTF_8));
    } finally {
      argon2.wipeArray(chars);
    }
  }

  @Override
  public boolean verify(Password password, PasswordHash hash) {
    if (!PHC.matcher(hash.encoded()).matches()) {
      return false;
    }
    char[] chars = password.reveal();
    try {
      return argon2.verify(hash.encoded(), chars, StandardCharsets.UTF_8);
    } catch (RuntimeException e) {
      // a corrupt hash verifies nothing; the exception would only repeat the hash
      return false;
    } finally {
      argon2.wipeArray(chars);
    }
  }

  @Override
  public boolean needsRehash(PasswordHash hash) {
    Matcher phc = PHC.matcher(hash.encoded());
    if (!phc.matches()) {
      return true;
    }
    try {
      return Integer.parseInt(phc.group(1)) < VERSION
          || Integer.parseInt(phc.group(2)) < cost.memoryKiB()
          || Integer.parseInt(phc.group(3)) < cost.iterations()
          || Integer.parseInt(phc.group(4)) < cost.parallelism();
    } catch (NumberFormatException e) {
      return true;
    }
  }

  @Override
  public String toString() {
    return "Argon2PasswordHasher[argon2id m="
        + cost.memoryKiB()
        + " KiB, t="
        + cost.iterations()
        + ", p="
        + cost.parallelism()
        + "]";
  }
}
