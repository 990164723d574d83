package dev.tokensmith.application.service;

import dev.tokensmith.application.port.out.RandomBytes;
import dev.tokensmith.application.port.out.TokenDigester;
import dev.tokensmith.domain.token.SecretDigest;
import dev.tokensmith.domain.token.TokenCodec;
import dev.tokensmith.domain.token.TokenId;
import dev.tokensmith.domain.token.TokenKind;
import dev.tokensmith.domain.token.TokenSecret;
import dev.tokensmith.domain.token.TokenValue;

/** Makes new token ids and secrets, their digests and their one-time values. */
final class TokenIssuer {
  /** A fresh secret for a token: the digest to store and the value to hand out once. */
  record Issue(TokenId id, SecretDigest digest, TokenValue value) {}

  private final TokenCodec codec;
  private final TokenDigester digester;
  private final RandomBytes random;

  TokenIssuer(TokenCodec codec, TokenDigester digester, RandomBytes random) {
    this.codec = codec;
    this.digester = digester;
    this.random = random;
  }

  Issue issue(TokenKind kind) {
    return reissue(kind, TokenId.of(random.next(TokenId.BYTES)));
  }

  /** A new secret for an existing token id (a refresh). */
  Issue reissue(TokenKind kind, TokenId id) {
    TokenSecret secret = new TokenSecret(random.next(TokenSecret.BYTES));
    return new Issue(id, digester.digest(id, secret), codec.format(kind, id, secret));
  }
}
