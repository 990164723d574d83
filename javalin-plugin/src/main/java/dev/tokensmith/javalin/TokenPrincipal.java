package dev.tokensmith.javalin;

import dev.tokensmith.domain.authentication.AuthenticatedPrincipal;
import dev.tokensmith.domain.token.Credential;
import dev.tokensmith.domain.token.Scope;
import dev.tokensmith.domain.token.TokenKind;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Who made an authenticated request, as a handler sees it in both modes: for a personal token its
 * owner's login, for an application token the token's own login, with the token's id, kind, scopes
 * and expiry.
 *
 * @param kind personal (acts as its owner) or application (its own principal)
 * @param login the owner user's login, or the application token's login
 * @param tokenId the token's public id (22 base62 characters), never its secret
 * @param scopes the scopes the token holds
 * @param expiresAt when the token expires, empty when it does not
 */
public record TokenPrincipal(
    TokenKind kind, String login, String tokenId, Set<Scope> scopes, Optional<Instant> expiresAt) {
  public TokenPrincipal {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(login, "login");
    Objects.requireNonNull(tokenId, "tokenId");
    scopes = Set.copyOf(scopes);
    Objects.requireNonNull(expiresAt, "expiresAt");
  }

  /** The principal of a token the core authenticated. */
  public static TokenPrincipal of(AuthenticatedPrincipal authenticated) {
    Credential credential = authenticated.token().credential();
    return new TokenPrincipal(
        authenticated.token().kind(),
        authenticated.principal().login(),
        credential.id().text(),
        credential.scopes(),
        credential.expiresAt().toJavaOptional());
  }

  /** Whether the token holds {@code scope}. */
  public boolean holds(Scope scope) {
    return scopes.contains(scope);
  }
}
