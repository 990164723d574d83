package dev.tokensmith.application.port.in;

import dev.tokensmith.domain.authentication.AuthenticatedPrincipal;
import dev.tokensmith.domain.authentication.AuthenticationFailure;
import io.vavr.control.Either;
import io.vavr.control.Option;

/** RFC 7662: whether a value is an active token, and if so whose and with what; if not, why not. */
public record Introspection(Either<AuthenticationFailure, AuthenticatedPrincipal> outcome) {
  /** The principal and token of an active value, none otherwise. */
  public Option<AuthenticatedPrincipal> active() {
    return outcome.toOption();
  }

  /** Why the value is not active, none when it is. */
  public Option<AuthenticationFailure> failure() {
    return outcome.swap().toOption();
  }

  public boolean isActive() {
    return outcome.isRight();
  }
}
