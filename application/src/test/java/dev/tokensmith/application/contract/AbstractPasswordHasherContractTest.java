package dev.tokensmith.application.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokensmith.application.port.out.PasswordHasher;
import dev.tokensmith.domain.account.Password;
import dev.tokensmith.domain.account.PasswordHash;
import org.junit.jupiter.api.Test;

/** What every {@link PasswordHasher} must do. */
public abstract class AbstractPasswordHasherContractTest {
  protected abstract PasswordHasher hasher();

  @Test
  void theRightPasswordVerifiesAndAWrongOneDoesNot() {
    PasswordHash hash = hasher().hash(Password.of("correct horse battery"));
    assertThat(hasher().verify(Password.of("correct horse battery"), hash)).isTrue();
    assertThat(hasher().verify(Password.of("correct horse batterY"), hash)).isFalse();
  }

  @Test
  void hashesAreSaltedAndHoldNoPlaintext() {
    PasswordHash one = hasher().hash(Password.of("correct horse battery"));
    PasswordHash two = hasher().hash(Password.of("correct horse battery"));
    assertThat(one).isNotEqualTo(two);
    assertThat(one.encoded()).doesNotContain("correct horse battery");
    assertThat(one.toString()).doesNotContain(one.encoded());
  }

  @Test
  void aFreshHashDoesNotNeedARehash() {
    assertThat(hasher().needsRehash(hasher().hash(Password.of("correct horse battery")))).isFalse();
  }
}
