package dev.tokensmith.application.port.in;

import dev.tokensmith.domain.token.Scope;
import java.util.Objects;

/**
 * A scope of the installation's catalogue: one of the five standard scopes, or one a service
 * registered for its own routes.
 *
 * @param scope the scope
 * @param description what a token with it may do
 * @param standard whether it is one of tokensmith's standard scopes
 */
public record KnownScope(Scope scope, String description, boolean standard) {
  public KnownScope {
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(description, "description");
  }
}
