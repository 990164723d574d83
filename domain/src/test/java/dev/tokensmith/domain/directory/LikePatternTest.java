package dev.tokensmith.domain.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class LikePatternTest {

  @Test
  void percentMatchesAnySequenceAndUnderscoreExactlyOneCharacter() {
    assertThat(LikePattern.of("%@demo.com").matches("ada@demo.com")).isTrue();
    assertThat(LikePattern.of("%@demo.com").matches("@demo.com")).isTrue();
    assertThat(LikePattern.of("%@demo.com").matches("ada@demo.co")).isFalse();
    assertThat(LikePattern.of("a_a").matches("aba")).isTrue();
    assertThat(LikePattern.of("a_a").matches("aa")).isFalse();
    assertThat(LikePattern.of("a_a").matches("abba")).isFalse();
    assertThat(LikePattern.of("%").matches("")).isTrue();
    assertThat(LikePattern.of("").matches("")).isTrue();
    assertThat(LikePattern.of("").matches("a")).isFalse();
    assertThat(LikePattern.of("%a%b%").matches("xxaxxbxx")).isTrue();
    assertThat(LikePattern.of("%a%b%").matches("xxbxxaxx")).isFalse();
  }

  @Test
  void anUnderscoreMatchesOneCharacterEvenAboveTheBasicPlane() {
    assertThat(LikePattern.of("a_b").matches("a\uD83D\uDE00b")).isTrue();
    assertThat(LikePattern.of("a__b").matches("a\uD83D\uDE00b")).isFalse();
  }

  @Test
  void aBackslashMakesTheNextCharacterLiteralAndAtTheEndStandsForItself() {
    assertThat(LikePattern.of("100\\%").matches("100%")).isTrue();
    assertThat(LikePattern.of("100\\%").matches("1000")).isFalse();
    assertThat(LikePattern.of("a\\_b").matches("a_b")).isTrue();
    assertThat(LikePattern.of("a\\_b").matches("axb")).isFalse();
    assertThat(LikePattern.of("a\\\\b").matches("a\\b")).isTrue();
    assertThat(LikePattern.of("\\a").matches("a")).isTrue();
    assertThat(LikePattern.of("a\\").matches("a\\")).isTrue();
    assertThat(LikePattern.of("a\\").matches("a")).isFalse();
  }

  @Test
  void theEscapedFormEscapesOnlyLiteralWildcardsAndBackslashes() {
    assertThat(LikePattern.of("\\a%_\\%\\_\\\\").escaped()).isEqualTo("a%_\\%\\_\\\\");
    assertThat(LikePattern.of("a\\").escaped()).isEqualTo("a\\\\");
    assertThat(LikePattern.of("\\a").escaped()).isEqualTo("a");
    assertThat(LikePattern.of(LikePattern.of("x\\%_%\\").escaped()))
        .isEqualTo(LikePattern.of("x\\%_%\\"));
  }

  @Test
  void aLiteralCharacterIsToldApartFromAWildcard() {
    assertThat(LikePattern.of("a\u0000b").requiresLiteral(0)).isTrue();
    assertThat(LikePattern.of("a\\%").requiresLiteral('%')).isTrue();
    assertThat(LikePattern.of("a%").requiresLiteral('%')).isFalse();
  }

  @Test
  void matchingAgreesWithARegularExpressionOnRandomPatternsAndTexts() {
    Random random = new Random(20260301);
    String[] alphabet = {"a", "b", "%", "_", "\\", "\uD83D\uDE00", "A"};
    for (int i = 0; i < 20_000; i++) {
      String pattern = randomString(random, alphabet, 6);
      String text = randomString(random, alphabet, 7);
      assertThat(LikePattern.of(pattern).matches(text))
          .as("'%s' LIKE '%s'", text, pattern)
          .isEqualTo(reference(pattern).matcher(text).matches());
    }
  }

  private static String randomString(Random random, String[] alphabet, int maxLength) {
    StringBuilder built = new StringBuilder();
    int length = random.nextInt(maxLength + 1);
    for (int i = 0; i < length; i++) {
      built.append(alphabet[random.nextInt(alphabet.length)]);
    }
    return built.toString();
  }

  /** The pattern as a regular expression, written independently of the class under test. */
  private static Pattern reference(String pattern) {
    StringBuilder regex = new StringBuilder();
    int[] codePoints = pattern.codePoints().toArray();
    for (int i = 0; i < codePoints.length; i++) {
      int c = codePoints[i];
      if (c == '\\' && i + 1 < codePoints.length) {
        regex.append(Pattern.quote(new String(Character.toChars(codePoints[++i]))));
      } else if (c == '%') {
        regex.append(".*");
      } else if (c == '_') {
        regex.append('.');
      } else {
        regex.append(Pattern.quote(new String(Character.toChars(c))));
      }
    }
    return Pattern.compile(regex.toString(), Pattern.DOTALL);
  }
}
