package dev.tokensmith.adapter.http;

import dev.tokensmith.domain.token.Scope;
import io.javalin.security.RouteRole;

/** Who may call a route; every route is registered with exactly one. */
enum Access implements RouteRole {
  /** Anyone: login, revocation by value, health and metrics. */
  PUBLIC(null, false),
  /**
   * A web UI page or asset: anyone may ask; a page that needs a session checks it itself and sends
   * the browser to the sign-in page without one, rather than answering 401.
   */
  PAGE(null, false),
  /** A web UI session, or a token with scope {@code rest}. */
  SESSION_OR_REST_TOKEN(Scope.REST, true),
  /** A token with scope {@code rest} only. */
  REST_TOKEN(Scope.REST, false),
  /** A token with scope {@code introspect} only. */
  INTROSPECT_TOKEN(Scope.INTROSPECT, false),
  /** A token with scope {@code metrics} only ({@code /metrics} when protected). */
  METRICS_TOKEN(Scope.METRICS, false),
  /**
   * A route of an {@link ApiExtension} (iTop's {@code webservices/…}), which logs each call in
   * itself.
   */
  SELF_AUTHENTICATED(null, false);

  private final Scope scope;
  private final boolean session;

  Access(Scope scope, boolean session) {
    this.scope = scope;
    this.session = session;
  }

  /** The scope a token needs here. */
  Scope scope() {
    return scope;
  }

  boolean allowsSession() {
    return session;
  }
}
