package dev.tokensmith.application.port.in;

import io.vavr.control.Either;

/**
 * Edits a personal token's application, scopes and expiry (by its owner or an administrator); the
 * secret is unchanged. NotFound for someone else's token, InvalidInput as on creation.
 */
public interface EditPersonalTokenUseCase {
  Either<UseCaseFailure, TokenSummary> editPersonalToken(EditPersonalTokenCommand command);
}
