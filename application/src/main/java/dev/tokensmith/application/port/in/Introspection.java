package dev.tokensmith.application.port.in;

import dev.tokensmith.domain.authentication.AuthenticatedPrincipal;
import io.vavr.control.Option;

/** RFC 7662: whether a value is an active token, and if so whose and with what. */
public record Introspection(Option<AuthenticatedPrincipal> active) {
  public boolean isActive() {
    return active.isDefined();
  }
}
