package dev.tokensmith.adapter.http;

import io.javalin.http.Context;
import java.time.Duration;

/**
 * Headers every response carries; API responses may hold token values or account data, so they are
 * never cached and never rendered as a page. Everything else (the web UI) gets a policy that allows
 * only the service's own scripts, styles and connections: no inline script or style, no framing.
 * Behind TLS, {@code Strict-Transport-Security} is added when configured (a positive max-age).
 */
final class SecurityHeaders {
  static final String API_PREFIX = "/api/";
  static final String PAGE_POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
          + " connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

  private final String strictTransportSecurity;

  SecurityHeaders(Duration hsts) {
    this.strictTransportSecurity =
        hsts.isZero() ? null : "max-age=" + hsts.toSeconds() + "; includeSubDomains";
  }

  void apply(Context ctx) {
    if (strictTransportSecurity != null) {
      ctx.header("Strict-Transport-Security", strictTransportSecurity);
    }
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("Referrer-Policy", "no-referrer");
    ctx.header("X-Frame-Options", "DENY");
    if (ctx.path().startsWith(API_PREFIX)) {
      noStore(ctx);
      ctx.header("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
    } else {
      ctx.header("Content-Security-Policy", PAGE_POLICY);
    }
  }

  static void noStore(Context ctx) {
    ctx.header("Cache-Control", "no-store");
    ctx.header("Pragma", "no-cache");
  }
}
