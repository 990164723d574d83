package dev.tokensmith.adapter.http;

import dev.tokensmith.application.port.in.AuthenticateCommand;
import dev.tokensmith.application.port.in.AuthenticateUseCase;
import dev.tokensmith.application.port.in.ResolveSessionUseCase;
import dev.tokensmith.domain.account.User;
import dev.tokensmith.domain.authentication.AuthenticatedPrincipal;
import dev.tokensmith.domain.authentication.AuthenticationFailure;
import dev.tokensmith.javalin.TokenTransports;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.router.Endpoint;
import io.javalin.security.RouteRole;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.util.List;
import java.util.Set;

/**
 * Authenticates every request to a route that is not {@link Access#PUBLIC} (nor {@link
 * Access#SELF_AUTHENTICATED}, which authenticate themselves), before its handler runs: by token
 * when the request carries one (any transport), else by web UI session where the route allows it,
 * with the CSRF check on unsafe methods. Addresses that failed too often get 429 before anything is
 * checked.
 */
final class RequestAuthentication {
  static final String CSRF_HEADER = "X-CSRF-Token";
  private static final Set<HandlerType> SAFE_METHODS =
      Set.of(HandlerType.GET, HandlerType.HEAD, HandlerType.OPTIONS, HandlerType.TRACE);

  private final AuthenticateUseCase authenticate;
  private final ResolveSessionUseCase resolveSession;
  private final TokenTransports transports;
  private final SessionStore sessions;
  private final SessionCookie cookie;
  private final AddressRateLimiter failures;
  private final HttpMetrics metrics;

  RequestAuthentication(
      AuthenticateUseCase authenticate,
      ResolveSessionUseCase resolveSession,
      TokenTransports transports,
      SessionStore sessions,
      SessionCookie cookie,
      AddressRateLimiter failures,
      HttpMetrics metrics) {
    this.authenticate = authenticate;
    this.resolveSession = resolveSession;
    this.transports = transports;
    this.sessions = sessions;
    this.cookie = cookie;
    this.failures = failures;
    this.metrics = metrics;
  }

  /** The before-matched handler. */
  void handle(Context ctx) {
    Access access = accessOf(ctx.routeRoles());
    if (access == Access.PUBLIC || access == Access.PAGE || access == Access.SELF_AUTHENTICATED) {
      return;
    }
    refuseIfTooManyFailures(ctx);
    List<String> presented = transports.presented(ctx);
    String sessionId = SessionCookie.read(ctx);
    if (presented.isEmpty() && access.allowsSession() && sessionId != null) {
      bySession(ctx, sessionId);
    } else {
      byToken(ctx, access, presented);
    }
  }

  /**
   * The user of the request's live web UI session and the session's CSRF token, for the pages
   * (which only read, so no CSRF check here); none without a session, or when it ended or its user
   * is gone or disabled (the stale cookie is then cleared).
   */
  Option<PageSession> pageSession(Context ctx) {
    String sessionId = SessionCookie.read(ctx);
    if (sessionId == null) {
      return Option.none();
    }
    Option<SessionStore.Session> session = sessions.find(sessionId);
    Option<User> user = session.flatMap(s -> resolveSession.activeUser(s.userId()));
    if (user.isEmpty()) {
      sessions.remove(sessionId);
      cookie.clear(ctx);
      return Option.none();
    }
    return Option.some(new PageSession(user.get(), session.get().csrfToken()));
  }

  /** A page's view of a web UI session: its user and the CSRF token the page's scripts send. */
  record PageSession(User user, String csrfToken) {
    @Override
    public String toString() {
      return "PageSession[user=" + user.login() + ", csrfToken=redacted]";
    }
  }

  void refuseIfTooManyFailures(Context ctx) {
    long retryAfter = failures.retryAfterSeconds(ctx.ip());
    if (retryAfter > 0) {
      throw new Rejected(Problems.tooManyRequests(retryAfter, "failed authentications"));
    }
  }

  private void byToken(Context ctx, Access access, List<String> presented) {
    Either<AuthenticationFailure, AuthenticatedPrincipal> outcome =
        authenticate.authenticate(
            new AuthenticateCommand(presented, access.scope(), endpoint(ctx), ctx.ip()));
    if (outcome.isLeft()) {
      AuthenticationFailure failure = outcome.getLeft();
      metrics.authenticationFailed(failure);
      if (isFailedAttempt(failure)) {
        failures.spend(ctx.ip());
      }
      throw new AuthenticationFailed(failure);
    }
    metrics.authenticationSucceeded();
    AuthenticatedPrincipal authenticated = outcome.get();
    new Caller(authenticated.principal(), Option.some(authenticated)).attachTo(ctx);
  }

  private void bySession(Context ctx, String sessionId) {
    Option<SessionStore.Session> session = sessions.find(sessionId);
    Option<User> user = session.flatMap(s -> resolveSession.activeUser(s.userId()));
    if (user.isEmpty()) {
      sessions.remove(sessionId);
      cookie.clear(ctx);
      throw new Rejected(Problems.sessionEnded());
    }
    if (!SAFE_METHODS.contains(ctx.method())
        && !session.get().acceptsCsrfToken(ctx.header(CSRF_HEADER))) {
      throw new Rejected(Problems.csrfRejected());
    }
    new Caller(user.get(), Option.none()).attachTo(ctx);
  }

  /**
   * Whether a failure could be someone guessing values: a token that does not work at all. A
   * missing token, or a working token lacking a scope or profile, is not counted.
   */
  private static boolean isFailedAttempt(AuthenticationFailure failure) {
    return failure.reason().httpStatus() == 401
        && !(failure instanceof AuthenticationFailure.MissingCredentials);
  }

  private static String endpoint(Context ctx) {
    Endpoint endpoint = ctx.endpoints().matchedHttpEndpoint();
    String path = endpoint == null ? Redaction.path(ctx.path()) : endpoint.path;
    return ctx.method().name() + " " + path;
  }

  /** Routes declare exactly one {@link Access}; a route that forgot is treated as the strictest. */
  private static Access accessOf(Set<RouteRole> roles) {
    for (RouteRole role : roles) {
      if (role instanceof Access access) {
        return access;
      }
    }
    return Access.REST_TOKEN;
  }
}
