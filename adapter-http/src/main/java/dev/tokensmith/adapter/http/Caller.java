package dev.tokensmith.adapter.http;

import dev.tokensmith.application.port.in.UseCaseFailure;
import dev.tokensmith.domain.account.Principal;
import dev.tokensmith.domain.authentication.AuthenticatedPrincipal;
import io.javalin.http.Context;
import io.vavr.control.Option;

/**
 * Who made the current request: the principal, and the authenticated token when it came with one
 * (none for a web UI session).
 */
record Caller(Principal principal, Option<AuthenticatedPrincipal> token) {
  private static final String ATTRIBUTE = Caller.class.getName();

  static Caller of(Context ctx) {
    Caller caller = ctx.attribute(ATTRIBUTE);
    if (caller == null) {
      throw new IllegalStateException("route without authentication: " + ctx.path());
    }
    return caller;
  }

  void attachTo(Context ctx) {
    ctx.attribute(ATTRIBUTE, this);
  }

  /** The routes under {@code /api/v1/admin} are for administrators only, whatever they touch. */
  Principal administrator() {
    if (!principal.isAdministrator()) {
      throw new UseCaseFailed(new UseCaseFailure.Forbidden("Only administrators may do this."));
    }
    return principal;
  }
}
