package dev.tokensmith.application.port.in;

import io.vavr.control.Either;

/**
 * Creates an application token (administrators only) and returns its value once; InvalidInput for
 * bad fields, Conflict for a login in use, Forbidden for non-administrators.
 */
public interface CreateApplicationTokenUseCase {
  Either<UseCaseFailure, IssuedToken> createApplicationToken(CreateApplicationTokenCommand command);
}
