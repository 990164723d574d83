package dev.tokensmith.domain.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vavr.control.Either;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class TokenCodecTest {
  private final TokenCodec codec = new TokenCodec("tks");

  private static TokenSecret secretOf(int fill) {
    byte[] bytes = new byte[TokenSecret.BYTES];
    Arrays.fill(bytes, (byte) fill);
    return new TokenSecret(bytes);
  }

  @Test
  void aPersonalTokenHas76CharactersAndItsPrefix() {
    String value = codec.format(TokenKind.PERSONAL, new TokenId(1, 2), secretOf(7)).reveal();
    assertThat(value).hasSize(76).startsWith("tksp_").matches("[A-Za-z0-9_]+");
    assertThat(codec.length()).isEqualTo(76);
  }

  @Test
  void anApplicationTokenStartsWithTksa() {
    assertThat(codec.format(TokenKind.APPLICATION, new TokenId(1, 2), secretOf(7)).reveal())
        .startsWith("tksa_");
  }

  @Test
  void theLayoutIsIdThenSecretThenChecksumInFixedWidthBase62() {
    String value = codec.format(TokenKind.PERSONAL, new TokenId(0, 61), secretOf(0)).reveal();
    assertThat(value.substring(5, 27)).isEqualTo("0".repeat(21) + "z");
    assertThat(value.substring(27, 70)).isEqualTo("0".repeat(43));
  }

  @Test
  void theChecksumIsCrc32OfEverythingBeforeIt() {
    String value = codec.format(TokenKind.PERSONAL, new TokenId(5, 6), secretOf(9)).reveal();
    java.util.zip.CRC32 crc = new java.util.zip.CRC32();
    crc.update(value.substring(0, 70).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    byte[] expected = java.nio.ByteBuffer.allocate(4).putInt((int) crc.getValue()).array();
    assertThat(value.substring(70)).isEqualTo(Base62.encode(expected, 6));
  }

  @Test
  void parsingGivesBackKindIdAndSecret() {
    TokenId id = new TokenId(-1, 42);
    TokenSecret secret = secretOf(0xFF);
    Either<TokenParseFailure, ParsedToken> parsed =
        codec.parse(codec.format(TokenKind.APPLICATION, id, secret).reveal());
    assertThat(parsed.get()).isEqualTo(new ParsedToken(TokenKind.APPLICATION, id, secret));
  }

  @Test
  void aWrongPrefixIsNamed() {
    assertThat(codec.parse("ghp_abc").getLeft()).isInstanceOf(TokenParseFailure.WrongPrefix.class);
    assertThat(codec.parse("").getLeft()).isInstanceOf(TokenParseFailure.WrongPrefix.class);
    assertThat(codec.parse(null).getLeft()).isInstanceOf(TokenParseFailure.WrongLength.class);
  }

  @Test
  void aTruncatedTokenHasTheWrongLength() {
    String value = codec.format(TokenKind.PERSONAL, new TokenId(1, 2), secretOf(3)).reveal();
    assertThat(codec.parse(value.substring(0, 75)).getLeft())
        .isEqualTo(new TokenParseFailure.WrongLength(76, 75));
  }

  @Test
  void aCharacterOutsideTheAlphabetIsNamedWithItsPosition() {
    String value = codec.format(TokenKind.PERSONAL, new TokenId(1, 2), secretOf(3)).reveal();
    String broken = value.substring(0, 10) + "-" + value.substring(11);
    assertThat(codec.parse(broken).getLeft()).isEqualTo(new TokenParseFailure.IllegalCharacter(10));
  }

  @Test
  void aMistypedCharacterBreaksTheChecksum() {
    String value = codec.format(TokenKind.PERSONAL, new TokenId(1, 2), secretOf(3)).reveal();
    char other = value.charAt(30) == 'a' ? 'b' : 'a';
    String mistyped = value.substring(0, 30) + other + value.substring(31);
    assertThat(codec.parse(mistyped).getLeft()).isInstanceOf(TokenParseFailure.WrongChecksum.class);
  }

  @Test
  void anIdLargerThan128BitsIsRejectedEvenWithAValidChecksum() {
    String withoutChecksum = "tksp_" + "z".repeat(22) + "0".repeat(43);
    java.util.zip.CRC32 crc = new java.util.zip.CRC32();
    crc.update(withoutChecksum.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    String crafted =
        withoutChecksum
            + Base62.encode(
                java.nio.ByteBuffer.allocate(4).putInt((int) crc.getValue()).array(), 6);
    assertThat(codec.parse(crafted).getLeft())
        .isEqualTo(new TokenParseFailure.FieldOutOfRange("id"));
  }

  @Test
  void theInstallationPrefixIsConfigurable() {
    TokenCodec acme = new TokenCodec("acme");
    String value = acme.format(TokenKind.PERSONAL, new TokenId(1, 2), secretOf(3)).reveal();
    assertThat(value).startsWith("acmep_").hasSize(77);
    assertThat(acme.parse(value).isRight()).isTrue();
    assertThat(codec.parse(value).getLeft()).isInstanceOf(TokenParseFailure.WrongPrefix.class);
  }

  @Test
  void anInvalidInstallationPrefixIsRefused() {
    assertThatThrownBy(() -> new TokenCodec("TKS")).hasMessageContaining("token prefix");
    assertThatThrownBy(() -> new TokenCodec("t_s")).hasMessageContaining("token prefix");
  }

  @Test
  void valuesAndSecretsPrintRedacted() {
    TokenValue value = codec.format(TokenKind.PERSONAL, new TokenId(1, 2), secretOf(3));
    ParsedToken parsed = codec.parse(value.reveal()).get();
    assertThat(value.toString()).doesNotContain(value.reveal().substring(5));
    assertThat(parsed.toString()).doesNotContain(value.reveal().substring(27, 70));
    assertThat(parsed.secret().toString()).isEqualTo("TokenSecret[redacted]");
  }

  @Test
  void tokenIdTextRoundTrips() {
    TokenId id = new TokenId(0x0123456789ABCDEFL, -2);
    assertThat(TokenId.parse(id.text())).contains(id);
    assertThat(TokenId.of(id.uuid())).isEqualTo(id);
    assertThat(TokenId.parse("short")).isEmpty();
    assertThat(TokenId.parse("!".repeat(22))).isEmpty();
  }
}
