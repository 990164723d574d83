package dev.tokensmith.adapter.http;

import dev.tokensmith.application.port.in.EndAllSessionsUseCase;
import dev.tokensmith.domain.account.Principal;
import io.javalin.http.Context;
import java.util.Map;

/**
 * Signs a user out of every web UI session, on every instance: {@code DELETE /api/v1/me/sessions}
 * for oneself, {@code DELETE /api/v1/admin/users/{login}/sessions} for administrators. Answers
 * {@code {"ended": n}}.
 */
final class SignOutEverywhereController {
  private final EndAllSessionsUseCase endAllSessions;
  private final SessionCookie cookie;

  SignOutEverywhereController(EndAllSessionsUseCase endAllSessions, SessionCookie cookie) {
    this.endAllSessions = endAllSessions;
    this.cookie = cookie;
  }

  void mine(Context ctx) {
    Principal me = Caller.of(ctx).principal();
    int ended = UseCaseFailed.orThrow(endAllSessions.endAllSessions(me, me.login()));
    if (Caller.of(ctx).token().isEmpty()) {
      cookie.clear(ctx); // this browser's session was one of them
    }
    ctx.json(Map.of("ended", ended));
  }

  void ofUser(Context ctx) {
    Principal admin = Caller.of(ctx).administrator();
    ctx.json(
        Map.of(
            "ended",
            UseCaseFailed.orThrow(endAllSessions.endAllSessions(admin, ctx.pathParam("login")))));
  }
}
