package dev.tokensmith.javalin;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Finds every token value a request carries, in tokensmith's order of precedence: header {@code
 * Auth-Token}, header {@code Authorization: Bearer}, field {@code auth_token} of an urlencoded or
 * multipart body, query parameter {@code auth_token}. All are returned, so that two different
 * values are refused as ambiguous and the same value twice is accepted. tokensmith's own API and
 * the plugin use this one class.
 */
public final class TokenTransports {
  /** The header iTop clients send the token in. */
  public static final String AUTH_TOKEN_HEADER = "Auth-Token";

  /** The form field and query parameter iTop clients send the token in. */
  public static final String AUTH_TOKEN_FIELD = "auth_token";

  private static final String BEARER = "bearer ";

  private final Function<Context, Map<String, List<String>>> form;

  /**
   * Transports reading the body's form fields with {@code form} (which may enforce a size limit and
   * cache the body for the handler).
   */
  public TokenTransports(Function<Context, Map<String, List<String>>> form) {
    this.form = Objects.requireNonNull(form, "form");
  }

  /** Transports reading form fields with Javalin's own parser (within Javalin's body limit). */
  public static TokenTransports withJavalinForms() {
    return new TokenTransports(Context::formParamMap);
  }

  /**
   * Every value presented, in order of precedence; a token in the query also marks the response
   * {@code Cache-Control: no-store}.
   */
  public List<String> presented(Context ctx) {
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
    if (hasBody(ctx) && (ctx.isFormUrlencoded() || ctx.isMultipartFormData())) {
      for (String value : form.apply(ctx).getOrDefault(AUTH_TOKEN_FIELD, List.of())) {
        add(values, value);
      }
    }
    List<String> inQuery = ctx.queryParams(AUTH_TOKEN_FIELD);
    if (!inQuery.isEmpty()) {
      noStore(ctx); // the URL held a token: nothing on the way may keep the answer
      for (String value : inQuery) {
        add(values, value);
      }
    }
    return values;
  }

  /** Forbids every cache on the way to keep the response. */
  public static void noStore(Context ctx) {
    ctx.header("Cache-Control", "no-store");
    ctx.header("Pragma", "no-cache");
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
