package dev.tokensmith.adapter.http;

import io.javalin.http.Context;

/**
 * Headers every response carries; API responses may hold token values or account data, so they are
 * never cached and never rendered as a page.
 */
final class SecurityHeaders {
  static final String API_PREFIX = "/api/";

  private SecurityHeaders() {}

  static void apply(Context ctx) {
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("Referrer-Policy", "no-referrer");
    ctx.header("X-Frame-Options", "DENY");
    if (ctx.path().startsWith(API_PREFIX)) {
      noStore(ctx);
      ctx.header("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
    }
  }

  static void noStore(Context ctx) {
    ctx.header("Cache-Control", "no-store");
    ctx.header("Pragma", "no-cache");
  }
}
