package dev.tokensmith.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokensmith.application.contract.ContractFixtures;
import dev.tokensmith.domain.token.SecretDigest;
import dev.tokensmith.domain.token.TokenId;
import dev.tokensmith.domain.token.TokenSecret;
import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** Argon2id token digests: format, salt, mixed installations, and the cache of verified values. */
class Argon2TokenDigesterTest {
  private static final SecureRandom RANDOM = new SecureRandom();
  private final Peppers peppers = Peppers.generate(RANDOM);
  private final Argon2TokenDigester digester =
      new Argon2TokenDigester(peppers, Argon2PasswordHasher.Cost.MINIMUM, 100);

  private static TokenSecret secret() {
    byte[] bytes = new byte[TokenSecret.BYTES];
    RANDOM.nextBytes(bytes);
    return new TokenSecret(bytes);
  }

  @Test
  void aDigestIsASaltedArgon2idPhcStringNamingThePepperKey() {
    TokenId id = ContractFixtures.randomId();
    TokenSecret secret = secret();
    SecretDigest first = digester.digest(id, secret);
    SecretDigest second = digester.digest(id, secret);

    assertThat(first.encoded()).startsWith("argon2id$k1$$argon2id$v=19$m=19456,t=2,p=1$");
    assertThat(first.keyId()).isEqualTo("k1");
    assertThat(second).isNotEqualTo(first);
    assertThat(first.encoded())
        .doesNotContain(Base64.getEncoder().withoutPadding().encodeToString(secret.reveal()));
    assertThat(digester.matches(id, secret, first)).isTrue();
    assertThat(digester.matches(id, secret, second)).isTrue();
  }

  @Test
  void hmacDigestsKeepVerifyingSoInstallationsCanSwitch() {
    TokenId id = ContractFixtures.randomId();
    TokenSecret secret = secret();
    SecretDigest hmac = new HmacTokenDigester(peppers).digest(id, secret);

    assertThat(digester.matches(id, secret, hmac)).isTrue();
    assertThat(digester.matches(id, secret(), hmac)).isFalse();
    assertThat(digester.slowVerifications()).isZero();
  }

  @Test
  void withoutAPepperTheKeyIdIsZero() {
    Argon2TokenDigester unpeppered =
        Argon2TokenDigester.withoutPepper(Argon2PasswordHasher.Cost.MINIMUM, 100);
    TokenId id = ContractFixtures.randomId();
    TokenSecret secret = secret();
    SecretDigest digest = unpeppered.digest(id, secret);

    assertThat(digest.encoded()).startsWith("argon2id$0$$argon2id$");
    assertThat(unpeppered.matches(id, secret, digest)).isTrue();
    assertThat(digester.matches(id, secret, digest)).as("key 0 needs no pepper").isTrue();
    assertThat(unpeppered.matches(id, secret, digester.digest(id, secret)))
        .as("a peppered digest needs its pepper")
        .isFalse();
  }

  @Test
  void unknownKeysCorruptDigestsAndOtherAlgorithmsMatchNothing() {
    TokenId id = ContractFixtures.randomId();
    TokenSecret secret = secret();
    String phc = digester.digest(id, secret).encoded().substring("argon2id$k1$".length());

    assertThat(digester.matches(id, secret, new SecretDigest("argon2id$k9$" + phc))).isFalse();
    assertThat(digester.matches(id, secret, new SecretDigest("argon2id$k1$$argon2id$v=19$junk")))
        .isFalse();
    assertThat(digester.matches(id, secret, new SecretDigest("argon2id$k1$not-a-phc"))).isFalse();
    assertThat(digester.matches(id, secret, new SecretDigest("sha256$k1$" + phc))).isFalse();
  }

  @Test
  void aVerifiedValueIsAnsweredFromTheCacheTheNextTime() {
    TokenId id = ContractFixtures.randomId();
    TokenSecret secret = secret();
    SecretDigest digest = digester.digest(id, secret);

    assertThat(digester.matches(id, secret, digest)).isTrue();
    assertThat(digester.matches(id, secret, digest)).isTrue();
    assertThat(digester.matches(id, new TokenSecret(secret.reveal()), digest)).isTrue();

    assertThat(digester.slowVerifications()).isEqualTo(1);
    assertThat(digester.cachedVerifications()).isEqualTo(1);
  }

  @Test
  void wrongSecretsAreNeverCached() {
    TokenId id = ContractFixtures.randomId();
    SecretDigest digest = digester.digest(id, secret());
    TokenSecret wrong = secret();

    assertThat(digester.matches(id, wrong, digest)).isFalse();
    assertThat(digester.matches(id, wrong, digest)).isFalse();

    assertThat(digester.slowVerifications()).isEqualTo(2);
    assertThat(digester.cachedVerifications()).isZero();
  }

  @Test
  void aRefreshMissesTheCacheAndTheOldValueStillMatchesOnlyThePreviousDigest() {
    TokenId id = ContractFixtures.randomId();
    TokenSecret old = secret();
    SecretDigest oldDigest = digester.digest(id, old);
    assertThat(digester.matches(id, old, oldDigest)).isTrue();

    TokenSecret fresh = secret();
    SecretDigest newDigest = digester.digest(id, fresh);

    assertThat(digester.matches(id, old, newDigest)).as("old value, new digest").isFalse();
    assertThat(digester.matches(id, fresh, newDigest)).isTrue();
    assertThat(digester.slowVerifications()).isEqualTo(3);
    assertThat(digester.matches(id, old, oldDigest))
        .as("old value against the previous digest: token_refreshed, from the cache")
        .isTrue();
    assertThat(digester.slowVerifications()).isEqualTo(3);
  }

  @Test
  void anotherTokenIdMissesTheCache() {
    TokenId id = ContractFixtures.randomId();
    TokenSecret secret = secret();
    SecretDigest digest = digester.digest(id, secret);
    assertThat(digester.matches(id, secret, digest)).isTrue();

    assertThat(digester.matches(ContractFixtures.randomId(), secret, digest)).isFalse();
    assertThat(digester.slowVerifications()).isEqualTo(2);
  }

  @Test
  void theCacheIsBoundedAndKeepsTheRecentlyUsed() {
    // 16 stripes of 10: a key used every 5 additions is never the eldest of its stripe
    VerifiedDigests cache = new VerifiedDigests(160, RANDOM);
    SecretDigest digest = new SecretDigest("argon2id$k1$$argon2id$x");
    TokenId kept = ContractFixtures.randomId();
    byte[] keptSecret = secret().reveal();
    cache.add(cache.key(kept, keptSecret, digest));
    for (int i = 0; i < 1_000; i++) {
      cache.add(cache.key(ContractFixtures.randomId(), secret().reveal(), digest));
      if (i % 5 == 0) {
        assertThat(cache.contains(cache.key(kept, keptSecret, digest))).isTrue(); // used: kept
      }
    }
    assertThat(cache.size()).isLessThanOrEqualTo(160);
    assertThat(cache.contains(cache.key(kept, keptSecret, digest))).isTrue();
  }

  @Test
  void cacheKeysHoldNoSecretAndDependOnAKeyOfThisProcess() {
    TokenId id = ContractFixtures.randomId();
    byte[] secret = secret().reveal();
    SecretDigest digest = new SecretDigest("argon2id$k1$$argon2id$x");
    VerifiedDigests one = new VerifiedDigests(32, RANDOM);
    VerifiedDigests other = new VerifiedDigests(32, RANDOM);

    VerifiedDigests.Key key = one.key(id, secret, digest);

    assertThat(key).isEqualTo(one.key(id, secret.clone(), digest));
    assertThat(key).isNotEqualTo(other.key(id, secret, digest));
    assertThat(key.toString()).contains("redacted").doesNotContain(digest.encoded());
    java.nio.ByteBuffer bits = java.nio.ByteBuffer.wrap(secret);
    assertThat(new long[] {key.mac0(), key.mac1(), key.mac2(), key.mac3()})
        .doesNotContain(bits.getLong(0), bits.getLong(8), bits.getLong(16), bits.getLong(24));
  }

  @Test
  void itsDescriptionShowsNoKey() {
    assertThat(digester.toString()).contains("argon2id", "k1", "redacted");
  }
}
