package dev.tokensmith.domain.token;

import io.vavr.control.Option;
import java.time.Instant;
import java.util.Set;

/** A personal or an application token: a {@link Credential} plus who it acts for. */
public sealed interface Token permits PersonalToken, ApplicationToken {
  Credential credential();

  TokenKind kind();

  /** The token with its credential replaced (after an edit, a refresh or a use). */
  Token withCredential(Credential credential);

  default TokenId id() {
    return credential().id();
  }

  default Set<Scope> scopes() {
    return credential().scopes();
  }

  default Option<Instant> expiresAt() {
    return credential().expiresAt();
  }

  default Usage usage() {
    return credential().usage();
  }
}
