package dev.tokensmith.adapter.http;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Finds every token value a request carries, in DESIGN §3's order of precedence: header {@code
 * Auth-Token}, header {@code Authorization: Bearer}, field {@code auth_token} of an urlencoded or
 * multipart body, query parameter {@code auth_token}. All are returned, so that two different
 * values are refused as ambiguous and the same value twice is accepted.
 */
final class TokenTransports {
  static final String AUTH_TOKEN_HEADER = "Auth-Token";
  static final String AUTH_TOKEN_FIELD = "auth_token";
  private static final String BEARER = "bearer ";

  private final RequestBodies bodies;

  TokenTransports(RequestBodies bodies) {
    this.bodies = bodies;
  }

  List<String> presented(Context ctx) {
    List<String> values = new ArrayList<>();
    for (String value : headers(ctx, AUTH_TOKEN_HEADER)) {
      add(values, value);
    }
    for (String authorization : headers(ctx, "Authorization")) {
      if (authorization.length() > BEARER.length()
          && authorization.substring(0, BEARER.length()).toLowerCase(Locale.ROOT).equals(BEARER)) {
        add(values, authorization.substring(BEARER.length()));
      }
    }
    if (hasBody(ctx)) {
      for (String value : bodies.form(ctx).getOrDefault(AUTH_TOKEN_FIELD, List.of())) {
        add(values, value);
      }
    }
    List<String> inQuery = ctx.queryParams(AUTH_TOKEN_FIELD);
    if (!inQuery.isEmpty()) {
      SecurityHeaders.noStore(ctx); // the URL held a token: nothing on the way may keep the answer
      for (String value : inQuery) {
        add(values, value);
      }
    }
    return values;
  }

  private static boolean hasBody(Context ctx) {
    // the servlet's method string: Javalin's HandlerType compares by name, four times per request
    return switch (ctx.req().getMethod()) {
      case "POST", "PUT", "PATCH", "DELETE" -> true;
      default -> false;
    };
  }

  private static List<String> headers(Context ctx, String name) {
    return Collections.list(ctx.req().getHeaders(name));
  }

  private static void add(List<String> values, String value) {
    String trimmed = value.strip();
    if (!trimmed.isEmpty()) {
      values.add(trimmed);
    }
  }
}
