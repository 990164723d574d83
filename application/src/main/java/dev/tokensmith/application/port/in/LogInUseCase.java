package dev.tokensmith.application.port.in;

import dev.tokensmith.domain.account.User;
import io.vavr.control.Either;

/**
 * Checks a login and password for a web UI session, rehashing the password when the configured cost
 * rose; InvalidCredentials for a wrong pair or a disabled user (indistinguishable); TooManyAttempts
 * when the login has spent its budget of wrong passwords (the password is then not checked) or, for
 * a wrong password, when the client's address has spent its own.
 */
public interface LogInUseCase {
  Either<UseCaseFailure, User> logIn(LogInCommand command);
}
