package dev.tokensmith.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokensmith.adapter.persistence.PepperMismatch;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The refusals of a start whose pepper does not fit the database, in one sentence each. */
class PepperStartTest {
  private static final List<PepperMismatch> EVERY_KIND =
      List.of(new PepperMismatch.DifferentKey("k7"), new PepperMismatch.MissingKey("k7", 3));

  @Test
  void everyKindOfMismatchHasASentenceNamingTheKeyIdAndTheSource() {
    assertThat(EVERY_KIND.stream().map(Object::getClass))
        .containsExactlyInAnyOrder(PepperMismatch.class.getPermittedSubclasses());
    for (PepperMismatch mismatch : EVERY_KIND) {
      assertThat(PepperStart.sentence(mismatch, "TOKENSMITH_TOKEN_PEPPER"))
          .as(mismatch.toString())
          .contains("pepper key k7")
          .contains("TOKENSMITH_TOKEN_PEPPER")
          .contains("start again")
          .doesNotContain("\n");
    }
  }

  @Test
  void aMissingKeySaysHowManyTokensNeedIt() {
    assertThat(PepperStart.sentence(new PepperMismatch.MissingKey("old", 1), "the pepper file f"))
        .startsWith(
            "the database holds 1 token digested with pepper key old, which the pepper file f")
        .contains("add old back");
    assertThat(PepperStart.sentence(new PepperMismatch.MissingKey("old", 2), "x"))
        .startsWith("the database holds 2 tokens");
  }
}
