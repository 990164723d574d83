package dev.tokensmith.adapter.http;

import dev.tokensmith.domain.authentication.AuthenticationFailure;

/** Carries an {@link AuthenticationFailure} to the exception handlers of {@link ErrorMapping}. */
final class AuthenticationFailed extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient AuthenticationFailure failure;

  AuthenticationFailed(AuthenticationFailure failure) {
    super(failure.reason().code(), null, false, false);
    this.failure = failure;
  }

  AuthenticationFailure failure() {
    return failure;
  }
}
