package dev.tokensmith.application.port.in;

import io.vavr.control.Either;

/**
 * Creates a personal token and returns its value once; InvalidInput for a blank application, no or
 * unknown scope, or a bad expiry; Forbidden when the user may not own personal tokens.
 */
public interface CreatePersonalTokenUseCase {
  Either<UseCaseFailure, IssuedToken> createPersonalToken(CreatePersonalTokenCommand command);
}
