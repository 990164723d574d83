package dev.tokensmith.application.port.in;

import dev.tokensmith.domain.account.Principal;
import io.vavr.control.Either;

/** Shows the acting user and their contact; Forbidden for a principal that is not a user. */
public interface ViewMyAccountUseCase {
  Either<UseCaseFailure, MyAccount> viewMyAccount(Principal actor);
}
