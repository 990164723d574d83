package dev.tokensmith.application.port.out;

import dev.tokensmith.domain.token.SecretDigest;
import dev.tokensmith.domain.token.TokenId;
import dev.tokensmith.domain.token.TokenSecret;

/**
 * Turns token secrets into what is stored, with a key (pepper) that never lives in the database.
 * Digests are compared only through {@link #matches}, in constant time: HMAC digests are
 * deterministic for a given key, salted ones (Argon2id) differ each time.
 */
public interface TokenDigester {
  /** The digest of {@code secret} for token {@code id} with the newest key. */
  SecretDigest digest(TokenId id, TokenSecret secret);

  /** Whether {@code secret} produces {@code stored}, with whichever known key made it. */
  boolean matches(TokenId id, TokenSecret secret, SecretDigest stored);
}
