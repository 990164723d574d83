package dev.tokensmith.application.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokensmith.application.port.out.TokenDigester;
import dev.tokensmith.domain.token.SecretDigest;
import dev.tokensmith.domain.token.TokenId;
import dev.tokensmith.domain.token.TokenSecret;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/** What every {@link TokenDigester} must do. */
public abstract class AbstractTokenDigesterContractTest {
  protected abstract TokenDigester digester();

  private static TokenSecret secret() {
    byte[] bytes = new byte[TokenSecret.BYTES];
    ThreadLocalRandom.current().nextBytes(bytes);
    return new TokenSecret(bytes);
  }

  /**
   * Whether the same secret always gives the same digest (HMAC); a salted KDF (Argon2id) gives a
   * new one each time, and its digests are only ever compared through {@code matches}.
   */
  protected boolean deterministic() {
    return true;
  }

  @Test
  void aDigestMatchesItsSecretAgainAndAgain() {
    TokenId id = ContractFixtures.randomId();
    TokenSecret secret = secret();
    SecretDigest digest = digester().digest(id, secret);
    assertThat(digester().matches(id, secret, digest)).isTrue();
    assertThat(digester().matches(id, secret, digest)).isTrue();
  }

  @Test
  void aDeterministicDigestIsRepeatableAndASaltedOneMatchesEachTime() {
    TokenId id = ContractFixtures.randomId();
    TokenSecret secret = secret();
    SecretDigest digest = digester().digest(id, secret);
    SecretDigest again = digester().digest(id, secret);
    if (deterministic()) {
      assertThat(again).isEqualTo(digest);
    } else {
      assertThat(again).isNotEqualTo(digest);
      assertThat(digester().matches(id, secret, again)).isTrue();
    }
  }

  @Test
  void anotherSecretOrIdDoesNotMatch() {
    TokenId id = ContractFixtures.randomId();
    TokenSecret secret = secret();
    SecretDigest digest = digester().digest(id, secret);
    assertThat(digester().matches(id, secret(), digest)).isFalse();
    assertThat(digester().matches(ContractFixtures.randomId(), secret, digest)).isFalse();
  }

  @Test
  void theDigestNamesItsKeyAndHoldsNoSecretBytes() {
    TokenId id = ContractFixtures.randomId();
    TokenSecret secret = secret();
    SecretDigest digest = digester().digest(id, secret);
    assertThat(digest.keyId()).isNotBlank();
    assertThat(digest.encoded())
        .doesNotContain(java.util.Base64.getEncoder().encodeToString(secret.reveal()));
  }
}
