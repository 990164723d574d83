package dev.tokensmith.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokensmith.application.contract.ContractFixtures;
import dev.tokensmith.domain.token.SecretDigest;
import dev.tokensmith.domain.token.TokenId;
import dev.tokensmith.domain.token.TokenSecret;
import io.vavr.control.Option;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HMAC digests: format, rotation, unknown keys, and peppers that never show. */
class HmacTokenDigesterTest {
  private static final SecureRandom RANDOM = new SecureRandom();

  private static byte[] key() {
    byte[] key = new byte[32];
    RANDOM.nextBytes(key);
    return key;
  }

  private static TokenSecret secret() {
    byte[] bytes = new byte[TokenSecret.BYTES];
    RANDOM.nextBytes(bytes);
    return new TokenSecret(bytes);
  }

  @Test
  void theDigestIsHmacSha256OfIdThenSecretWithTheNewestKey() throws Exception {
    byte[] key = key();
    TokenId id = ContractFixtures.randomId();
    TokenSecret secret = secret();
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(key, "HmacSHA256"));
    mac.update(id.bytes());
    byte[] expected = mac.doFinal(secret.reveal());

    SecretDigest digest = new HmacTokenDigester(Peppers.of("k7", key)).digest(id, secret);

    assertThat(digest.encoded())
        .isEqualTo("hmac-sha256$k7$" + Base64.getEncoder().encodeToString(expected));
    assertThat(digest.keyId()).isEqualTo("k7");
  }

  @Test
  void afterRotationOldDigestsStillMatchAndNewOnesUseTheNewKey() {
    Peppers before = Peppers.of("k1", key());
    Peppers after = before.withNewest("k2", key());
    TokenId id = ContractFixtures.randomId();
    TokenSecret secret = secret();
    SecretDigest old = new HmacTokenDigester(before).digest(id, secret);

    HmacTokenDigester rotated = new HmacTokenDigester(after);

    assertThat(rotated.matches(id, secret, old)).isTrue();
    assertThat(rotated.matches(id, secret(), old)).isFalse();
    SecretDigest fresh = rotated.digest(id, secret);
    assertThat(fresh.keyId()).isEqualTo("k2");
    assertThat(fresh).isNotEqualTo(old);
    assertThat(rotated.matches(id, secret, fresh)).isTrue();
  }

  @Test
  void aDigestOfAnUnknownKeyOrAlgorithmMatchesNothing() {
    TokenId id = ContractFixtures.randomId();
    TokenSecret secret = secret();
    SecretDigest withK9 = new HmacTokenDigester(Peppers.of("k9", key())).digest(id, secret);
    HmacTokenDigester digester = new HmacTokenDigester(Peppers.of("k1", key()));

    assertThat(digester.matches(id, secret, withK9)).isFalse();
    String data = withK9.encoded().substring(withK9.encoded().lastIndexOf('$') + 1);
    assertThat(digester.matches(id, secret, new SecretDigest("sha256$k1$" + data))).isFalse();
    assertThat(digester.matches(id, secret, new SecretDigest("hmac-sha256$k1$not base64!")))
        .isFalse();
    assertThat(digester.matches(id, secret, new SecretDigest("hmac-sha256$k1$AAAA"))).isFalse();
  }

  @Test
  void peppersParseOneValueOrKeyedEntriesNewestLast() {
    byte[] one = key();
    byte[] two = key();
    String b64one = Base64.getEncoder().encodeToString(one);
    String b64two = Base64.getEncoder().encodeToString(two);

    Peppers single = Peppers.parse(b64one, "test");
    assertThat(single.keyIds()).containsExactly("k1");
    assertThat(single.key("k1")).isEqualTo(one);

    Peppers keyed = Peppers.parse(" old:" + b64one + " , new:" + b64two + "\n", "test");
    assertThat(keyed.keyIds()).containsExactly("old", "new");
    assertThat(keyed.newestKeyId()).isEqualTo("new");
    assertThat(keyed.key("new")).isEqualTo(two);

    Peppers lines = Peppers.parse("# comment\nk1:" + b64one + "\n\nk2:" + b64two + "\n", "test");
    assertThat(lines.keyIds()).containsExactly("k1", "k2");
  }

  @Test
  void badPeppersAreRefusedWithoutShowingTheKey() {
    String shortKey = Base64.getEncoder().encodeToString(new byte[8]);
    assertThatThrownBy(() -> Peppers.parse(shortKey, "TOKENSMITH_TOKEN_PEPPER"))
        .isInstanceOf(PepperException.class)
        .hasMessageContaining("TOKENSMITH_TOKEN_PEPPER")
        .hasMessageContaining("at least 16 bytes")
        .hasMessageNotContaining(shortKey);
    assertThatThrownBy(() -> Peppers.parse("k1:%%%secret%%%", "TOKENSMITH_TOKEN_PEPPER"))
        .isInstanceOf(PepperException.class)
        .hasMessageContaining("not valid base64")
        .hasMessageNotContaining("secret");
    assertThatThrownBy(() -> Peppers.parse("  \n", "pepper file x"))
        .hasMessageContaining("no pepper key");
    String key = Base64.getEncoder().encodeToString(key());
    assertThatThrownBy(() -> Peppers.parse("k1:" + key + ",k1:" + key, "x"))
        .hasMessageContaining("twice");
    assertThatThrownBy(() -> Peppers.parse("bad$id:" + key, "x")).hasMessageContaining("key id");
  }

  @Test
  void aMissingPepperFileIsCreatedOwnerOnlyAndReadBackTheSame(@TempDir Path directory)
      throws Exception {
    Path file = directory.resolve("data").resolve("token-pepper");

    Peppers created = Peppers.readOrCreate(file, RANDOM);

    assertThat(Files.getPosixFilePermissions(file))
        .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    assertThat(created.keyIds()).containsExactly("k1");
    assertThat(created.key("k1")).hasSize(32);
    Peppers again = Peppers.readOrCreate(file, RANDOM);
    assertThat(again.key("k1")).isEqualTo(created.key("k1"));
    assertThat(Peppers.read(file).key("k1")).isEqualTo(created.key("k1"));
  }

  @Test
  void aNamedPepperFileMustExistAndAMissingDefaultOneIsNotConfigured(@TempDir Path directory) {
    assertThatThrownBy(
            () ->
                Peppers.configured(
                    Option.none(), Option.some(directory.resolve("missing")), directory))
        .isInstanceOf(PepperException.class)
        .hasMessageContaining("does not exist");

    assertThat(Peppers.configured(Option.none(), Option.none(), directory)).isEmpty();
    assertThat(directory.resolve("token-pepper")).doesNotExist();
    Peppers created = Peppers.readOrCreate(Peppers.defaultFile(directory), RANDOM);
    assertThat(Peppers.configured(Option.none(), Option.none(), directory).get().key("k1"))
        .isEqualTo(created.key("k1"));
    String variable = "k5:" + Base64.getEncoder().encodeToString(key());
    assertThat(Peppers.configured(Option.some(variable), Option.none(), directory).get().keyIds())
        .containsExactly("k5");
  }

  @Test
  void neitherPeppersNorTheDigesterPrintTheirKeys() {
    byte[] key = key();
    Peppers peppers = Peppers.of("k1", key).withNewest("k2", key());
    HmacTokenDigester digester = new HmacTokenDigester(peppers);
    for (String printed : new String[] {peppers.toString(), digester.toString()}) {
      assertThat(printed)
          .contains("k1", "k2", "redacted")
          .doesNotContain(Base64.getEncoder().encodeToString(key))
          .doesNotContain(HexFormat.of().formatHex(key))
          .doesNotContain(new String(key, StandardCharsets.ISO_8859_1));
    }
  }

  @Test
  void digestsAreTheSameFromManyThreads() throws Exception {
    HmacTokenDigester digester = new HmacTokenDigester(Peppers.of("k1", key()));
    TokenId id = ContractFixtures.randomId();
    TokenSecret secret = secret();
    SecretDigest expected = digester.digest(id, secret);
    var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
    try {
      var results = new java.util.ArrayList<java.util.concurrent.Future<Boolean>>();
      for (int t = 0; t < 4; t++) {
        results.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < 2_000; i++) {
                    if (!digester.digest(id, secret).equals(expected)
                        || !digester.matches(id, secret, expected)) {
                      return false;
                    }
                  }
                  return true;
                }));
      }
      for (var result : results) {
        assertThat(result.get()).isTrue();
      }
    } finally {
      pool.shutdown();
    }
  }
}
