package dev.tokensmith.application.port.in;

import dev.tokensmith.domain.account.Principal;
import io.vavr.control.Either;

/**
 * Signs a user out everywhere: every web UI session of the user ends, on every instance, at once. A
 * user may do it for themselves, an administrator for anyone; NotFound for an unknown login,
 * Forbidden for another user's sessions without being an administrator. Returns how many ended.
 */
public interface EndAllSessionsUseCase {
  Either<UseCaseFailure, Integer> endAllSessions(Principal actor, String login);
}
