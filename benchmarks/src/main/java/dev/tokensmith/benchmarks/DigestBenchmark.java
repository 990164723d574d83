package dev.tokensmith.benchmarks;

import dev.tokensmith.adapter.persistence.Argon2PasswordHasher;
import dev.tokensmith.adapter.persistence.Argon2TokenDigester;
import dev.tokensmith.adapter.persistence.HmacTokenDigester;
import dev.tokensmith.adapter.persistence.Peppers;
import dev.tokensmith.domain.token.SecretDigest;
import dev.tokensmith.domain.token.TokenId;
import dev.tokensmith.domain.token.TokenSecret;
import java.security.SecureRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Verifying a presented secret: HMAC-SHA-256 (the default), and Argon2id answered from the cache of
 * verified values or computed in full (a value never verified, e.g. a wrong secret).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class DigestBenchmark {
  private final SecureRandom random = new SecureRandom();
  private HmacTokenDigester hmac;
  private Argon2TokenDigester argon2;
  private TokenId id;
  private TokenSecret secret;
  private TokenSecret wrong;
  private SecretDigest hmacDigest;
  private SecretDigest argon2Digest;

  private TokenSecret secret() {
    byte[] bytes = new byte[TokenSecret.BYTES];
    random.nextBytes(bytes);
    return new TokenSecret(bytes);
  }

  @Setup
  public void setUp() {
    Peppers peppers = Peppers.generate(random);
    hmac = new HmacTokenDigester(peppers);
    argon2 =
        new Argon2TokenDigester(
            peppers, Argon2PasswordHasher.Cost.MINIMUM, Argon2TokenDigester.DEFAULT_CACHE_SIZE);
    byte[] idBytes = new byte[TokenId.BYTES];
    random.nextBytes(idBytes);
    id = TokenId.of(idBytes);
    secret = secret();
    wrong = secret();
    hmacDigest = hmac.digest(id, secret);
    argon2Digest = argon2.digest(id, secret);
    argon2.matches(id, secret, argon2Digest); // fills the cache
  }

  @Benchmark
  public boolean hmacVerify() {
    return hmac.matches(id, secret, hmacDigest);
  }

  @Benchmark
  public boolean argon2idVerifyCacheHit() {
    return argon2.matches(id, secret, argon2Digest);
  }

  /** A value that was never verified: the full Argon2id computation (m=19456 KiB, t=2, p=1). */
  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public boolean argon2idVerifyCacheMiss() {
    return argon2.matches(id, wrong, argon2Digest);
  }
}
