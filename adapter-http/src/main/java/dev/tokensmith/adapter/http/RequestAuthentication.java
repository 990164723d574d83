package dev.tokensmith.adapter.http;

import dev.tokensmith.application.port.in.ActiveSession;
import dev.tokensmith.application.port.in.AuthenticateCommand;
import dev.tokensmith.application.port.in.AuthenticateUseCase;
import dev.tokensmith.application.port.in.ResolveSessionUseCase;
import dev.tokensmith.domain.account.User;
import dev.tokensmith.domain.authentication.AuthenticatedPrincipal;
import dev.tokensmith.domain.authentication.AuthenticationFailure;
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
 * with the CSRF check on unsafe methods. A token that works is never refused for the failures of
 * others: the use case answers {@code rate_limited} (429) only for tokens that do not work.
 */
final class RequestAuthentication {
  static final String CSRF_HEADER = "X-CSRF-Token";
  private static final Set<HandlerType> SAFE_METHODS =
      Set.of(HandlerType.GET, HandlerType.HEAD, HandlerType.OPTIONS, HandlerType.TRACE);

  private final AuthenticateUseCase authenticate;
  private final ResolveSessionUseCase resolveSession;
  private final TokenTransports transports;
  private final SessionCookie cookie;
  private final HttpMetrics metrics;

  RequestAuthentication(
      AuthenticateUseCase authenticate,
      ResolveSessionUseCase resolveSession,
      TokenTransports transports,
      SessionCookie cookie,
      HttpMetrics metrics) {
    this.authenticate = authenticate;
    this.resolveSession = resolveSession;
    this.transports = transports;
    this.cookie = cookie;
    this.metrics = metrics;
  }

  /** The before-matched handler. */
  void handle(Context ctx) {
    Access access = accessOf(ctx.routeRoles());
    if (access == Access.PUBLIC || access == Access.PAGE || access == Access.SELF_AUTHENTICATED) {
      return;
    }
    List<String> presented = transports.presented(ctx);
    String sessionKey = SessionCookie.read(ctx);
    if (presented.isEmpty() && access.allowsSession() && sessionKey != null) {
      bySession(ctx, sessionKey);
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
    String sessionKey = SessionCookie.read(ctx);
    if (sessionKey == null) {
      return Option.none();
    }
    Option<ActiveSession> session = resolveSession.resolveSession(sessionKey);
    if (session.isEmpty()) {
      cookie.clear(ctx);
      return Option.none();
    }
    return Option.some(new PageSession(session.get().user(), session.get().csrfToken()));
  }

  /** A page's view of a web UI session: its user and the CSRF token the page's scripts send. */
  record PageSession(User user, String csrfToken) {
    @Override
    public String toString() {
      return "PageSession[user=" + user.login() + ", csrfToken=redacted]";
    }
  }

  private void byToken(Context ctx, Access access, List<String> presented) {
    Either<AuthenticationFailure, AuthenticatedPrincipal> outcome =
        authenticate.authenticate(
            new AuthenticateCommand(presented, access.scope(), endpoint(ctx), ctx.ip()));
    if (outcome.isLeft()) {
      AuthenticationFailure failure = outcome.getLeft();
      metrics.authenticationFailed(failure);
      throw new AuthenticationFailed(failure);
    }
    metrics.authenticationSucceeded();
    AuthenticatedPrincipal authenticated = outcome.get();
    new Caller(authenticated.principal(), Option.some(authenticated)).attachTo(ctx);
  }

  /** One statement for the session and its user (see {@link ResolveSessionUseCase}). */
  private void bySession(Context ctx, String sessionKey) {
    Option<ActiveSession> session = resolveSession.resolveSession(sessionKey);
    if (session.isEmpty()) {
      cookie.clear(ctx);
      throw new Rejected(Problems.sessionEnded());
    }
    if (!SAFE_METHODS.contains(ctx.method())
        && !session.get().acceptsCsrfToken(ctx.header(CSRF_HEADER))) {
      throw new Rejected(Problems.csrfRejected());
    }
    new Caller(session.get().user(), Option.none()).attachTo(ctx);
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
