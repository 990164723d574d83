package dev.tokensmith.adapter.http;

import dev.tokensmith.adapter.http.view.SessionView;
import dev.tokensmith.application.port.in.ActiveSession;
import dev.tokensmith.application.port.in.EndSessionUseCase;
import dev.tokensmith.application.port.in.LogInCommand;
import dev.tokensmith.application.port.in.LogInUseCase;
import dev.tokensmith.application.port.in.ResolveSessionUseCase;
import dev.tokensmith.application.port.in.StartSessionUseCase;
import dev.tokensmith.application.port.in.StartedSession;
import dev.tokensmith.application.port.in.UseCaseFailure;
import dev.tokensmith.domain.account.Password;
import dev.tokensmith.domain.account.User;
import io.javalin.http.Context;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.util.Set;

/**
 * Web UI login ({@code POST /api/v1/session}) and logout ({@code DELETE}); sessions live in the
 * shared store, so any instance serves them.
 */
final class SessionController {
  private final LogInUseCase logIn;
  private final StartSessionUseCase startSession;
  private final ResolveSessionUseCase resolveSession;
  private final EndSessionUseCase endSession;
  private final SessionCookie cookie;
  private final RequestReader reader;
  private final HttpMetrics metrics;

  SessionController(
      LogInUseCase logIn,
      StartSessionUseCase startSession,
      ResolveSessionUseCase resolveSession,
      EndSessionUseCase endSession,
      SessionCookie cookie,
      RequestReader reader,
      HttpMetrics metrics) {
    this.logIn = logIn;
    this.startSession = startSession;
    this.resolveSession = resolveSession;
    this.endSession = endSession;
    this.cookie = cookie;
    this.reader = reader;
    this.metrics = metrics;
  }

  /**
   * A wrong password answers 401, or 429 {@code rate_limited} once the login's or the address's
   * budget of wrong passwords is spent (the use case decides).
   */
  void logIn(Context ctx) {
    String login;
    String password;
    try {
      JsonFields body = reader.json(ctx, Set.of("login", "password"));
      login = body.requiredText("login");
      password = body.requiredText("password");
    } catch (UseCaseFailed malformed) {
      // a sign-in the service cannot even read is a wrong password of no known login: it spends
      // the address's budget through the same use case
      metrics.login(false);
      logIn.logIn(new LogInCommand(null, Password.of(""), ctx.ip()));
      throw malformed;
    }
    Either<UseCaseFailure, User> outcome =
        logIn.logIn(new LogInCommand(login, Password.of(password), ctx.ip()));
    if (outcome.isLeft()) {
      metrics.login(false);
      throw new UseCaseFailed(outcome.getLeft());
    }
    metrics.login(true);
    // a new key at every sign-in: the session the browser had before ends (no fixation)
    StartedSession session =
        startSession.startSession(outcome.get(), Option.of(SessionCookie.read(ctx)));
    cookie.set(ctx, session.key().reveal());
    ctx.json(new SessionView(session.csrfToken()));
  }

  void logOut(Context ctx) {
    String key = SessionCookie.read(ctx);
    Option<ActiveSession> session = resolveSession.resolveSession(key);
    if (session.isDefined()) {
      if (!session.get().acceptsCsrfToken(ctx.header(RequestAuthentication.CSRF_HEADER))) {
        throw new Rejected(Problems.csrfRejected());
      }
      endSession.endSession(key);
    }
    cookie.clear(ctx);
    ctx.status(204);
  }
}
