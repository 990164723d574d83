package dev.tokensmith.javalin;

import dev.tokensmith.domain.token.Scope;
import io.javalin.security.RouteRole;
import java.util.Objects;

/**
 * The scope a route needs, given as one of its roles: {@code app.get("/invoices", handler,
 * RequiredScope.of("billing:read"))}. A route without one is not protected by the plugin.
 *
 * @param scope the scope a token must hold
 */
public record RequiredScope(Scope scope) implements RouteRole {
  public RequiredScope {
    Objects.requireNonNull(scope, "scope");
  }

  /** The role requiring the scope named {@code name} (a scope name, e.g. {@code billing:read}). */
  public static RequiredScope of(String name) {
    return new RequiredScope(new Scope(name));
  }
}
