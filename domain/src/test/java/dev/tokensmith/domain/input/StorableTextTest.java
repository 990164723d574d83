package dev.tokensmith.domain.input;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class StorableTextTest {
  @Test
  void plainTextAndPairedSurrogatesAreStorable() {
    assertThat(StorableText.problem("name", "My Company")).isNull();
    assertThat(StorableText.problem("name", "emoji \ud83d\ude00 ok")).isNull();
    assertThat(StorableText.problem("name", "")).isNull();
    assertThat(StorableText.problem("name", "x".repeat(StorableText.MAX_LENGTH))).isNull();
  }

  @Test
  void theNulCharacterIsRefusedNamingTheField() {
    assertThat(StorableText.problem("organization", "My\u0000Company"))
        .isEqualTo("organization must not contain the NUL character (U+0000)");
  }

  @Test
  void unpairedSurrogatesAreRefusedWhereverTheyStand() {
    assertThat(StorableText.problem("login", "\ud800"))
        .startsWith("login must not contain an unpaired");
    assertThat(StorableText.problem("login", "a\udc00b"))
        .startsWith("login must not contain an unpaired");
    assertThat(StorableText.problem("login", "ab\ud83d"))
        .startsWith("login must not contain an unpaired");
    assertThat(StorableText.problem("login", "\ude00\ud83d"))
        .startsWith("login must not contain an unpaired");
  }

  @Test
  void overLongTextIsRefusedWithTheLimit() {
    assertThat(StorableText.problem("comment", "x".repeat(StorableText.MAX_LENGTH + 1)))
        .isEqualTo("comment must be at most 4096 characters");
    assertThat(StorableText.problem("login", "abcd", 3))
        .isEqualTo("login must be at most 3 characters");
  }

  @Property
  void textIsStorableExactlyWhenItsUtf8FormDecodesBackWithoutNul(@ForAll String value) {
    boolean roundTrips =
        new String(
                value.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                java.nio.charset.StandardCharsets.UTF_8)
            .equals(value);
    boolean expected =
        roundTrips && value.indexOf('\u0000') < 0 && value.length() <= StorableText.MAX_LENGTH;
    assertThat(StorableText.isStorable(value)).isEqualTo(expected);
  }
}
