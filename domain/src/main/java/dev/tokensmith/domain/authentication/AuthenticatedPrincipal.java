package dev.tokensmith.domain.authentication;

import dev.tokensmith.domain.account.Principal;
import dev.tokensmith.domain.token.Token;
import java.util.Objects;

/**
 * The outcome of a successful authentication: who acts (the owner of a personal token, or the
 * application token itself) and with which token. Authorization is still decided per operation.
 */
public record AuthenticatedPrincipal(Principal principal, Token token) {
  public AuthenticatedPrincipal {
    Objects.requireNonNull(principal, "principal");
    Objects.requireNonNull(token, "token");
  }
}
