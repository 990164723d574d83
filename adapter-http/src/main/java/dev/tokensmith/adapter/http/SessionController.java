package dev.tokensmith.adapter.http;

import dev.tokensmith.adapter.http.view.SessionView;
import dev.tokensmith.application.port.in.LogInCommand;
import dev.tokensmith.application.port.in.LogInUseCase;
import dev.tokensmith.application.port.in.UseCaseFailure;
import dev.tokensmith.domain.account.Password;
import dev.tokensmith.domain.account.User;
import io.javalin.http.Context;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.util.Set;

/** Web UI login ({@code POST /api/v1/session}) and logout ({@code DELETE}). */
final class SessionController {
  private final LogInUseCase logIn;
  private final SessionStore sessions;
  private final SessionCookie cookie;
  private final RequestReader reader;
  private final HttpMetrics metrics;

  SessionController(
      LogInUseCase logIn,
      SessionStore sessions,
      SessionCookie cookie,
      RequestReader reader,
      HttpMetrics metrics) {
    this.logIn = logIn;
    this.sessions = sessions;
    this.cookie = cookie;
    this.reader = reader;
    this.metrics = metrics;
  }

  /**
   * A wrong password answers 401, or 429 {@code rate_limited} once the login's or the address's
   * budget of wrong passwords is spent (the use case decides).
   */
  void logIn(Context ctx) {
    JsonFields body = reader.json(ctx, Set.of("login", "password"));
    String login = body.requiredText("login");
    String password = body.requiredText("password");
    Either<UseCaseFailure, User> outcome =
        logIn.logIn(new LogInCommand(login, Password.of(password), ctx.ip()));
    metrics.login(outcome.isRight());
    if (outcome.isLeft()) {
      throw new UseCaseFailed(outcome.getLeft());
    }
    sessions.remove(SessionCookie.read(ctx));
    SessionStore.Session session = sessions.create(outcome.get().id());
    cookie.set(ctx, session.id());
    ctx.json(new SessionView(session.csrfToken()));
  }

  void logOut(Context ctx) {
    String id = SessionCookie.read(ctx);
    Option<SessionStore.Session> session = sessions.find(id);
    if (session.isDefined()) {
      if (!session.get().acceptsCsrfToken(ctx.header(RequestAuthentication.CSRF_HEADER))) {
        throw new Rejected(Problems.csrfRejected());
      }
      sessions.remove(id);
    }
    cookie.clear(ctx);
    ctx.status(204);
  }
}
