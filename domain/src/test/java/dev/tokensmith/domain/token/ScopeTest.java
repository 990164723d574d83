package dev.tokensmith.domain.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class ScopeTest {
  /** The rule as documented; the class checks it by hand, as every token read builds scopes. */
  private static final Pattern RULE = Pattern.compile("[a-z][a-z0-9_.:-]{0,63}");

  @Property(tries = 2000)
  void aNameIsValidExactlyWhenItFollowsTheDocumentedRule(@ForAll("names") String name) {
    assertThat(Scope.isValidName(name)).isEqualTo(RULE.matcher(name).matches());
  }

  @Example
  void boundariesAndEveryAllowedCharacter() {
    assertThat(Scope.isValidName("a")).isTrue();
    assertThat(Scope.isValidName("a" + "b".repeat(63))).isTrue();
    assertThat(Scope.isValidName("a" + "b".repeat(64))).isFalse();
    assertThat(Scope.isValidName("billing.read:all_v2-x")).isTrue();
    assertThat(Scope.isValidName("")).isFalse();
    assertThat(Scope.isValidName(null)).isFalse();
    assertThat(Scope.isValidName("2fa")).isFalse();
    assertThat(Scope.isValidName("Rest")).isFalse();
    assertThat(Scope.isValidName("rest scope")).isFalse();
    assertThatThrownBy(() -> new Scope("Rest"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("lower-case");
  }

  @Provide
  Arbitrary<String> names() {
    // mostly near-valid names, so both outcomes are well covered
    return Arbitraries.strings().withChars("abcxyz0129_.:-A Zé/").ofMinLength(0).ofMaxLength(70);
  }
}
