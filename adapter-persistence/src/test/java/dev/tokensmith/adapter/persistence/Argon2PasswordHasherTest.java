package dev.tokensmith.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokensmith.domain.account.Password;
import dev.tokensmith.domain.account.PasswordHash;
import org.junit.jupiter.api.Test;

/** Argon2id hashes: their parameters, and rehashing when the configured cost rises. */
class Argon2PasswordHasherTest {
  private final Argon2PasswordHasher hasher = new Argon2PasswordHasher();

  @Test
  void defaultHashesAreArgon2idWithAtLeastTheOwaspMinimum() {
    PasswordHash hash = hasher.hash(Password.of("correct horse battery"));
    assertThat(hash.encoded()).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
  }

  @Test
  void raisingMemoryOrIterationsMakesOldHashesNeedARehash() {
    PasswordHash hash = hasher.hash(Password.of("correct horse battery"));
    var moreMemory = new Argon2PasswordHasher(new Argon2PasswordHasher.Cost(32_768, 2, 1));
    var moreIterations = new Argon2PasswordHasher(new Argon2PasswordHasher.Cost(19_456, 3, 1));

    assertThat(hasher.needsRehash(hash)).isFalse();
    assertThat(moreMemory.needsRehash(hash)).isTrue();
    assertThat(moreIterations.needsRehash(hash)).isTrue();
    assertThat(moreMemory.verify(Password.of("correct horse battery"), hash)).isTrue();
    PasswordHash rehashed = moreIterations.hash(Password.of("correct horse battery"));
    assertThat(rehashed.encoded()).contains("m=19456,t=3,p=1");
    assertThat(moreIterations.needsRehash(rehashed)).isFalse();
    assertThat(hasher.needsRehash(rehashed)).isFalse();
  }

  @Test
  void foreignOrDamagedHashesVerifyNothingAndNeedARehash() {
    PasswordHash foreign = new PasswordHash("fake$1$salt$hash");
    assertThat(hasher.verify(Password.of("whatever1"), foreign)).isFalse();
    assertThat(hasher.needsRehash(foreign)).isTrue();
    PasswordHash damaged = new PasswordHash("$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$broken");
    assertThat(hasher.verify(Password.of("whatever1"), damaged)).isFalse();
  }

  @Test
  void costsBelowTheMinimumAreRefused() {
    assertThatThrownBy(() -> new Argon2PasswordHasher.Cost(4_096, 2, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least m=19456 KiB, t=2, p=1");
    assertThat(hasher.toString()).contains("m=19456", "t=2", "p=1");
  }
}
