package dev.tokensmith.application.service;

import dev.tokensmith.application.port.in.ActiveSession;
import dev.tokensmith.application.port.in.EndAllSessionsUseCase;
import dev.tokensmith.application.port.in.EndSessionUseCase;
import dev.tokensmith.application.port.in.ResolveSessionUseCase;
import dev.tokensmith.application.port.in.StartSessionUseCase;
import dev.tokensmith.application.port.in.StartedSession;
import dev.tokensmith.application.port.in.UseCaseFailure;
import dev.tokensmith.application.port.out.AccountDirectory;
import dev.tokensmith.application.port.out.RandomBytes;
import dev.tokensmith.application.port.out.SessionStore;
import dev.tokensmith.domain.account.Principal;
import dev.tokensmith.domain.account.User;
import dev.tokensmith.domain.session.SessionKey;
import dev.tokensmith.domain.session.SessionTimeouts;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Clock;
import java.time.Instant;

/**
 * Web UI sessions kept in the shared {@link SessionStore}: every instance sees a sign-in, a
 * sign-out or a disabled user at the very next request.
 */
public final class SessionService
    implements StartSessionUseCase,
        ResolveSessionUseCase,
        EndSessionUseCase,
        EndAllSessionsUseCase {
  /** Ended sessions deleted per sign-in: the table stays small without a scheduled job. */
  static final int ENDED_REMOVED_PER_SIGN_IN = 100;

  private final SessionStore sessions;
  private final AccountDirectory accounts;
  private final RandomBytes random;
  private final SessionTimeouts timeouts;
  private final Clock clock;

  public SessionService(
      SessionStore sessions,
      AccountDirectory accounts,
      RandomBytes random,
      SessionTimeouts timeouts,
      Clock clock) {
    this.sessions = sessions;
    this.accounts = accounts;
    this.random = random;
    this.timeouts = timeouts;
    this.clock = clock;
  }

  @Override
  public StartedSession startSession(User user, Option<String> previousKey) {
    previousKey.flatMap(SessionKey::parse).forEach(key -> sessions.remove(key.digest()));
    Instant now = clock.instant();
    sessions.removeEnded(now, timeouts.idleSince(now), ENDED_REMOVED_PER_SIGN_IN);
    SessionKey key = SessionKey.of(random.next(SessionKey.BYTES));
    Instant expiresAt = timeouts.expiresAt(now);
    sessions.add(new SessionStore.NewSession(key.digest(), user.id(), now, expiresAt));
    return new StartedSession(key, key.csrfToken(), expiresAt);
  }

  @Override
  public Option<ActiveSession> resolveSession(String presentedKey) {
    return SessionKey.parse(presentedKey)
        .flatMap(
            key -> {
              Instant now = clock.instant();
              return sessions
                  .activeUser(
                      key.digest(),
                      now,
                      timeouts.idleSince(now),
                      now.minus(timeouts.touchInterval()))
                  .map(user -> new ActiveSession(user, key));
            });
  }

  @Override
  public void endSession(String presentedKey) {
    SessionKey.parse(presentedKey).forEach(key -> sessions.remove(key.digest()));
  }

  @Override
  public Either<UseCaseFailure, Integer> endAllSessions(Principal actor, String login) {
    boolean self = actor instanceof User user && user.login().equals(login);
    if (login == null || !(self || actor.isAdministrator())) {
      return Either.left(
          new UseCaseFailure.Forbidden("Only administrators may sign other users out."));
    }
    return accounts
        .userByLogin(login)
        .toEither(() -> (UseCaseFailure) new UseCaseFailure.NotFound("No user " + login + "."))
        .map(user -> sessions.removeAllOf(user.id()));
  }
}
