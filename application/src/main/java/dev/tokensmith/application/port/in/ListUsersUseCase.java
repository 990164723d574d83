package dev.tokensmith.application.port.in;

import dev.tokensmith.domain.account.Principal;
import dev.tokensmith.domain.account.User;
import io.vavr.control.Either;
import java.util.List;

/** Lists users for administrators; Forbidden for anyone else. */
public interface ListUsersUseCase {
  Either<UseCaseFailure, List<User>> listUsers(Principal actor);
}
