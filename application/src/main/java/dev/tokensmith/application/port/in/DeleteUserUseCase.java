package dev.tokensmith.application.port.in;

import dev.tokensmith.domain.account.Principal;
import io.vavr.control.Either;

/**
 * Deletes a user and, first, its personal tokens (administrators only; not oneself); NotFound,
 * Forbidden or Conflict.
 */
public interface DeleteUserUseCase {
  Either<UseCaseFailure, String> deleteUser(Principal actor, String login);
}
