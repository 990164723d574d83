package dev.tokensmith.adapter.http;

import dev.tokensmith.adapter.http.view.TokenView;
import dev.tokensmith.application.port.in.TokenSummary;
import dev.tokensmith.domain.authentication.AuthenticatedPrincipal;
import io.javalin.http.Context;
import java.time.Clock;

/**
 * The calling token's own view ({@code GET /api/v1/tokens/self}), built from what authentication
 * returned: no further use case call, and the use just counted is included.
 */
final class TokenSelfController {
  private final Clock clock;

  TokenSelfController(Clock clock) {
    this.clock = clock;
  }

  void show(Context ctx) {
    AuthenticatedPrincipal authenticated =
        Caller.of(ctx)
            .token()
            .getOrElseThrow(() -> new IllegalStateException("tokens/self without a token"));
    ctx.json(TokenView.from(TokenSummary.of(authenticated.token(), clock.instant())));
  }
}
