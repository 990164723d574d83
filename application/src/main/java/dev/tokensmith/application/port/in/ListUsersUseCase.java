package dev.tokensmith.application.port.in;

import dev.tokensmith.domain.account.Principal;
import dev.tokensmith.domain.account.User;
import io.vavr.control.Either;

/**
 * Pages through the users by login for administrators; Forbidden for anyone else, InvalidInput for
 * a bad {@code limit} or {@code cursor}.
 */
public interface ListUsersUseCase {
  Either<UseCaseFailure, Page<User>> listUsers(Principal actor, PageRequest page);
}
