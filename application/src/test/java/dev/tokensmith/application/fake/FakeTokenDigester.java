package dev.tokensmith.application.fake;

import dev.tokensmith.application.port.out.TokenDigester;
import dev.tokensmith.domain.token.SecretDigest;
import dev.tokensmith.domain.token.TokenId;
import dev.tokensmith.domain.token.TokenSecret;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/** A deterministic {@link TokenDigester} (SHA-256 of id and secret) for tests. */
public final class FakeTokenDigester implements TokenDigester {
  private final String keyId;

  public FakeTokenDigester() {
    this("fake");
  }

  public FakeTokenDigester(String keyId) {
    this.keyId = keyId;
  }

  @Override
  public SecretDigest digest(TokenId id, TokenSecret secret) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(keyId.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      sha.update(id.bytes());
      sha.update(secret.reveal());
      return new SecretDigest(
          "sha256$" + keyId + "$" + Base64.getEncoder().encodeToString(sha.digest()));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public boolean matches(TokenId id, TokenSecret secret, SecretDigest stored) {
    return MessageDigest.isEqual(
        digest(id, secret).encoded().getBytes(java.nio.charset.StandardCharsets.US_ASCII),
        stored.encoded().getBytes(java.nio.charset.StandardCharsets.US_ASCII));
  }
}
