package dev.tokensmith.application.port.in;

import io.vavr.control.Either;

/** Edits an application token (administrators only); InvalidInput, NotFound or Forbidden. */
public interface EditApplicationTokenUseCase {
  Either<UseCaseFailure, TokenSummary> editApplicationToken(EditApplicationTokenCommand command);
}
