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

  @Test
  void aDigestMatchesItsSecretAndIsRepeatable() {
    TokenId id = ContractFixtures.randomId();
    TokenSecret secret = secret();
    SecretDigest digest = digester().digest(id, secret);
    assertThat(digester().digest(id, secret)).isEqualTo(digest);
    assertThat(digester().matches(id, secret, digest)).isTrue();
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
