package dev.tokensmith.javalin;

import dev.tokensmith.application.port.in.AuthenticateCommand;
import dev.tokensmith.application.port.in.AuthenticateUseCase;
import dev.tokensmith.application.port.in.RegisterScopeCommand;
import dev.tokensmith.application.port.in.RegisterScopesUseCase;
import dev.tokensmith.application.port.out.StorageFailure;
import dev.tokensmith.domain.authentication.AuthenticatedPrincipal;
import dev.tokensmith.domain.authentication.AuthenticationFailure;
import io.vavr.control.Either;
import java.util.Collection;
import java.util.Objects;

/**
 * The embedded mode: every request is one call of tokensmith's authentication in-port on the shared
 * database (one SQL statement for a valid token, usage counted, failures logged for the token's
 * owner), so a refresh or a delete is seen at once.
 */
public final class EmbeddedTokenVerifier implements TokenVerifier {
  private final AuthenticateUseCase authenticate;
  private final RegisterScopesUseCase registerScopes;

  public EmbeddedTokenVerifier(
      AuthenticateUseCase authenticate, RegisterScopesUseCase registerScopes) {
    this.authenticate = Objects.requireNonNull(authenticate, "authenticate");
    this.registerScopes = Objects.requireNonNull(registerScopes, "registerScopes");
  }

  @Override
  public Either<BearerRefusal, TokenPrincipal> verify(TokenCheck check) {
    Either<AuthenticationFailure, AuthenticatedPrincipal> outcome;
    try {
      outcome =
          authenticate.authenticate(
              new AuthenticateCommand(
                  check.presented(), check.required(), check.endpoint(), check.clientAddress()));
    } catch (StorageFailure e) {
      throw new TokensmithUnavailable("tokensmith's database is unavailable", e);
    }
    return outcome.bimap(BearerRefusal::of, TokenPrincipal::of);
  }

  @Override
  public void registerScopes(Collection<ScopeDefinition> scopes) {
    if (scopes.isEmpty()) {
      return;
    }
    try {
      registerScopes
          .registerScopes(
              scopes.stream()
                  .map(s -> new RegisterScopeCommand(s.scope().name(), s.description()))
                  .toList())
          .getOrElseThrow(
              failure -> new IllegalArgumentException("scopes not registered: " + failure));
    } catch (StorageFailure e) {
      throw new TokensmithUnavailable("tokensmith's database is unavailable", e);
    }
  }
}
