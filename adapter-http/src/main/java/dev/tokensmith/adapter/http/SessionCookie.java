package dev.tokensmith.adapter.http;

import io.javalin.http.Context;

/** The web UI session cookie: HttpOnly, SameSite=Strict, Path=/, Secure when configured. */
final class SessionCookie {
  static final String NAME = "tokensmith_session";

  private final boolean secure;

  SessionCookie(boolean secure) {
    this.secure = secure;
  }

  static String read(Context ctx) {
    return ctx.cookie(NAME);
  }

  void set(Context ctx, String sessionId) {
    ctx.res().addHeader("Set-Cookie", NAME + "=" + sessionId + attributes());
  }

  void clear(Context ctx) {
    ctx.res().addHeader("Set-Cookie", NAME + "=" + attributes() + "; Max-Age=0");
  }

  private String attributes() {
    return "; Path=/; HttpOnly; SameSite=Strict" + (secure ? "; Secure" : "");
  }
}
