package dev.tokensmith.application.port.in;

import dev.tokensmith.domain.account.Principal;
import dev.tokensmith.domain.account.User;
import io.vavr.control.Either;

/** Shows one user to administrators; NotFound or Forbidden. */
public interface ViewUserUseCase {
  Either<UseCaseFailure, User> viewUser(Principal actor, String login);
}
