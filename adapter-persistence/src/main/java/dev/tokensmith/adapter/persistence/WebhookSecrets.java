package dev.tokensmith.adapter.persistence;

import dev.tokensmith.domain.notification.WebhookSecret;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals webhook signing secrets for the database: AES-256-GCM under a key derived from a pepper key
 * (HMAC-SHA-256 of a fixed label), so the database alone never reveals them. Sealed form: {@code
 * aes256gcm$<pepper key id>$<base64 of 12-byte nonce and ciphertext with tag>}; the webhook's id is
 * the associated data, so a sealed secret cannot be moved to another webhook.
 */
final class WebhookSecrets {
  private static final String LABEL = "tokensmith webhook secrets v1";
  private static final String PREFIX = "aes256gcm$";
  private static final int NONCE_BYTES = 12;

  private final Peppers peppers;
  private final SecureRandom random = new SecureRandom();

  WebhookSecrets(Peppers peppers) {
    this.peppers = peppers;
  }

  String seal(WebhookSecret secret, long webhookId) {
    String keyId = peppers.newestKeyId();
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    byte[] sealed =
        crypt(
            Cipher.ENCRYPT_MODE,
            keyId,
            nonce,
            webhookId,
            secret.value().getBytes(StandardCharsets.UTF_8));
    byte[] stored = ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
    return PREFIX + keyId + "$" + Base64.getEncoder().encodeToString(stored);
  }

  WebhookSecret open(String sealed, long webhookId) {
    String[] parts = sealed.split("\\$", 3);
    if (parts.length != 3 || !sealed.startsWith(PREFIX)) {
      throw new IllegalStateException("webhook " + webhookId + ": not a sealed secret");
    }
    byte[] stored = Base64.getDecoder().decode(parts[2]);
    byte[] nonce = java.util.Arrays.copyOfRange(stored, 0, NONCE_BYTES);
    byte[] ciphertext = java.util.Arrays.copyOfRange(stored, NONCE_BYTES, stored.length);
    return new WebhookSecret(
        new String(
            crypt(Cipher.DECRYPT_MODE, parts[1], nonce, webhookId, ciphertext),
            StandardCharsets.UTF_8));
  }

  private byte[] crypt(int mode, String keyId, byte[] nonce, long webhookId, byte[] input) {
    byte[] pepper = peppers.key(keyId);
    if (pepper == null) {
      throw new IllegalStateException(
          "the secret of webhook "
              + webhookId
              + " was sealed with pepper key "
              + keyId
              + ", which this instance does not have");
    }
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(pepper, "HmacSHA256"));
      byte[] key = mac.doFinal(LABEL.getBytes(StandardCharsets.US_ASCII));
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
      cipher.updateAAD(Long.toString(webhookId).getBytes(StandardCharsets.US_ASCII));
      return cipher.doFinal(input);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(
          "cannot "
              + (mode == Cipher.ENCRYPT_MODE ? "seal" : "open")
              + " the secret of webhook "
              + webhookId,
          e);
    }
  }
}
