package dev.tokensmith.domain.token;

import static org.assertj.core.api.Assertions.assertThat;

import io.vavr.control.Either;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;

class TokenCodecPropertiesTest {
  private final TokenCodec codec = new TokenCodec("tks");

  @Provide
  Arbitrary<ParsedToken> tokens() {
    return Combinators.combine(
            Arbitraries.of(TokenKind.class),
            Arbitraries.longs(),
            Arbitraries.longs(),
            Arbitraries.bytes().array(byte[].class).ofSize(TokenSecret.BYTES))
        .as(
            (kind, high, low, secret) ->
                new ParsedToken(kind, new TokenId(high, low), new TokenSecret(secret)));
  }

  @Property
  void formatThenParseGivesTheSameToken(@ForAll("tokens") ParsedToken token) {
    TokenValue value = codec.format(token.kind(), token.id(), token.secret());
    assertThat(value.reveal()).hasSize(76).matches("tks[pa]_[A-Za-z0-9]{71}");
    assertThat(codec.parse(value.reveal()).get()).isEqualTo(token);
  }

  @Property
  void anySingleCharacterChangeIsRejected(
      @ForAll("tokens") ParsedToken token,
      @ForAll @IntRange(min = 0, max = 75) int position,
      @ForAll char replacement) {
    String value = codec.format(token.kind(), token.id(), token.secret()).reveal();
    if (value.charAt(position) == replacement) {
      return;
    }
    String changed = value.substring(0, position) + replacement + value.substring(position + 1);
    Either<TokenParseFailure, ParsedToken> parsed = codec.parse(changed);
    // switching the kind letter makes another valid-looking prefix, which the checksum still
    // catches
    assertThat(parsed.isLeft()).as("changed at %d to %s", position, replacement).isTrue();
  }

  @Property
  void arbitraryStringsGiveATypedFailureAndNeverThrow(@ForAll String input) {
    assertThat(codec.parse(input).isLeft()).isTrue();
  }

  @Property(tries = 200)
  void hugeAndControlCharacterStringsGiveATypedFailure(
      @ForAll @StringLength(min = 0, max = 100_000) String input) {
    assertThat(codec.parse(input).isLeft()).isTrue();
    assertThat(codec.parse("tksp_" + input + "\u0000\u202e").isLeft()).isTrue();
  }

  @Property
  void base62RoundTripsAnyNumberOfItsWidth(@ForAll("sixteenBytes") byte[] bytes) {
    String text = Base62.encode(bytes, 22);
    assertThat(text).hasSize(22);
    assertThat(Base62.decode(text, 0, 22, 16).get()).isEqualTo(bytes);
  }

  @Provide
  Arbitrary<byte[]> sixteenBytes() {
    return Arbitraries.bytes().array(byte[].class).ofSize(16);
  }
}
