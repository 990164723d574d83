package dev.tokensmith.application.port.in;

import dev.tokensmith.domain.account.User;
import io.vavr.control.Either;

/**
 * Checks a login and password for a web UI session, rehashing the password when the configured cost
 * rose; InvalidCredentials for a wrong pair or a disabled user (indistinguishable).
 */
public interface LogInUseCase {
  Either<UseCaseFailure, User> logIn(LogInCommand command);
}
