package dev.tokensmith.application.port.in;

import io.vavr.control.Either;

/**
 * Shows one token with its recent authentication failures to its owner or an administrator;
 * NotFound otherwise.
 */
public interface ViewTokenUseCase {
  Either<UseCaseFailure, TokenDetails> viewToken(TokenCommand command);
}
