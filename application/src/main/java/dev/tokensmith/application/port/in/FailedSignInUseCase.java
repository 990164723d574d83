package dev.tokensmith.application.port.in;

import io.vavr.control.Option;

/**
 * Counts a password sign-in that failed before its password could be checked (a login that is not
 * text, an HTTP Basic header that does not decode) as one wrong password of that login, if any, and
 * of the client's address; answers InvalidCredentials, or TooManyAttempts once a budget is spent.
 * The one way, with {@link LogInUseCase}, to spend the password budgets.
 */
public interface FailedSignInUseCase {
  UseCaseFailure failedSignIn(Option<String> login, String clientAddress);
}
