package dev.tokensmith.javalin;

import io.vavr.control.Either;
import java.util.Collection;

/**
 * The plugin's one port to tokensmith, with two implementations: embedded (the authentication
 * in-port on the shared database, {@link EmbeddedTokenVerifier}) and remote (RFC 7662 introspection
 * over HTTP, {@link RemoteTokenVerifier}).
 */
public interface TokenVerifier {
  /**
   * The principal of a request's token, or tokensmith's answer refusing it.
   *
   * @throws TokensmithUnavailable when tokensmith cannot decide right now
   */
  Either<BearerRefusal, TokenPrincipal> verify(TokenCheck check);

  /**
   * Adds the service's own scopes to tokensmith's scope catalogue (already known ones keep their
   * place and take the new description), so tokens can be made with them.
   *
   * @throws TokensmithUnavailable when tokensmith cannot be reached
   */
  void registerScopes(Collection<ScopeDefinition> scopes);
}
