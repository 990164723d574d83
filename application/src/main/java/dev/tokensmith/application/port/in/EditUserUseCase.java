package dev.tokensmith.application.port.in;

import dev.tokensmith.domain.account.Principal;
import dev.tokensmith.domain.account.User;
import io.vavr.control.Either;

/**
 * Changes a user's status, organization, profiles, contact or password (a reset) — administrators
 * only; InvalidInput, NotFound or Forbidden.
 */
public interface EditUserUseCase {
  Either<UseCaseFailure, User> editUser(Principal actor, String login, UserFields fields);
}
