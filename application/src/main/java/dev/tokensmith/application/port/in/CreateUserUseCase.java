package dev.tokensmith.application.port.in;

import dev.tokensmith.domain.account.Principal;
import dev.tokensmith.domain.account.User;
import io.vavr.control.Either;

/**
 * Creates a user with its contact (administrators only); InvalidInput naming the field, Conflict
 * for a login in use, Forbidden for non-administrators. An unknown organization is created.
 */
public interface CreateUserUseCase {
  Either<UseCaseFailure, User> createUser(Principal actor, String login, UserFields fields);
}
