package dev.tokensmith.application.port.out;

import dev.tokensmith.domain.account.Password;
import dev.tokensmith.domain.account.PasswordHash;

/** Slow, salted hashing of user passwords (Argon2id in production). */
public interface PasswordHasher {
  PasswordHash hash(Password password);

  boolean verify(Password password, PasswordHash hash);

  /** Whether {@code hash} was made with a lower cost than the one configured now. */
  boolean needsRehash(PasswordHash hash);
}
