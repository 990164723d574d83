package dev.tokensmith.application.port.in;

import dev.tokensmith.domain.account.User;
import io.vavr.control.Option;

/**
 * Starts a web UI session for a user who has just signed in ({@link LogInUseCase}), with a new key:
 * the session the browser presented before, if any, ends (no session fixation).
 */
public interface StartSessionUseCase {
  StartedSession startSession(User user, Option<String> previousKey);
}
