package dev.tokensmith.domain.directory;

import static org.assertj.core.api.Assertions.assertThat;

import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

class DirectoryTextTest {

  @Test
  void onlyAsciiLettersAreFolded() {
    assertThat(DirectoryText.fold("Ada LOVELACE 42 _%")).isEqualTo("ada lovelace 42 _%");
    assertThat(DirectoryText.fold("ÉMILE Ωmega")).isEqualTo("Émile Ωmega");
    assertThat(DirectoryText.fold("")).isEmpty();
  }

  @Test
  void textIsOrderedByCodePointNotByUtf16Unit() {
    String aboveBmp = new String(Character.toChars(0x1F600)); // a surrogate pair
    String privateUse = "\uE000";
    assertThat(aboveBmp.compareTo(privateUse)).isNegative(); // UTF-16 order
    assertThat(DirectoryText.compare(aboveBmp, privateUse)).isPositive(); // code-point order
    assertThat(DirectoryText.compare("ab", "abc")).isNegative();
    assertThat(DirectoryText.compare("abc", "ab")).isPositive();
    assertThat(DirectoryText.compare("Z", "a")).isNegative();
    assertThat(DirectoryText.compareIgnoringCase("Z", "a")).isPositive();
    assertThat(DirectoryText.compareIgnoringCase("ADA", "ada")).isZero();
  }

  @Test
  void aTextIsAnIntegerOnlyWhenItIsAnOptionalSignAndDigitsThatFitALong() {
    assertThat(DirectoryText.integer("3")).isEqualTo(Option.some(3L));
    assertThat(DirectoryText.integer("-003")).isEqualTo(Option.some(-3L));
    assertThat(DirectoryText.integer("+7")).isEqualTo(Option.some(7L));
    assertThat(DirectoryText.integer("9223372036854775807")).isEqualTo(Option.some(Long.MAX_VALUE));
    assertThat(DirectoryText.integer("9223372036854775808")).isEqualTo(Option.none());
    assertThat(DirectoryText.integer(" 3")).isEqualTo(Option.none());
    assertThat(DirectoryText.integer("3.0")).isEqualTo(Option.none());
    assertThat(DirectoryText.integer("3abc")).isEqualTo(Option.none());
    assertThat(DirectoryText.integer("")).isEqualTo(Option.none());
    assertThat(DirectoryText.integer("٣")).isEqualTo(Option.none()); // not an ASCII digit
  }

  @Test
  void literalsReadAsText() {
    assertThat(DirectoryText.asText(Literal.of("x"))).isEqualTo("x");
    assertThat(DirectoryText.asText(Literal.of(-12))).isEqualTo("-12");
  }

  @Test
  void textIsWellFormedWhenEverySurrogateIsHalfOfAPair() {
    assertThat(DirectoryText.isWellFormed("plain Émile \uD83D\uDE00")).isTrue();
    assertThat(DirectoryText.isWellFormed("")).isTrue();
    assertThat(DirectoryText.isWellFormed("a\uD83D")).isFalse();
    assertThat(DirectoryText.isWellFormed("\uDE00a")).isFalse();
    assertThat(DirectoryText.isWellFormed("\uD83D\uD83D\uDE00")).isFalse();
  }
}
