package dev.tokensmith.application.port.out;

import dev.tokensmith.domain.token.Scope;
import java.time.Instant;
import java.util.Objects;

/** A scope a service registered: its name, description and when it was last registered. */
public record RegisteredScope(Scope scope, String description, Instant registeredAt) {
  public RegisteredScope {
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(registeredAt, "registeredAt");
  }
}
