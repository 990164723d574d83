package dev.tokensmith.javalin;

import dev.tokensmith.domain.token.Scope;
import java.util.Objects;

/**
 * A scope a service defines for its own routes, with the sentence tokensmith's UI shows beside it
 * when a token is made.
 *
 * @param scope the scope, e.g. {@code billing:read}
 * @param description what a token with this scope may do, e.g. {@code Read invoices}
 */
public record ScopeDefinition(Scope scope, String description) {
  public ScopeDefinition {
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(description, "description");
  }
}
