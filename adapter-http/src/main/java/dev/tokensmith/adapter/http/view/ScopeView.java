package dev.tokensmith.adapter.http.view;

import dev.tokensmith.application.port.in.KnownScope;

/** A scope of the catalogue: its name, what it allows, and whether it is a standard scope. */
public record ScopeView(String name, String description, boolean standard) {
  public static ScopeView from(KnownScope scope) {
    return new ScopeView(scope.scope().name(), scope.description(), scope.standard());
  }
}
