package dev.tokensmith.adapter.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Makes request targets safe to log: parameters that may hold a secret ({@code auth_token}, {@code
 * token}, {@code password}, iTop's {@code auth_pwd} and {@code json_data}, which may carry a
 * password, ...) keep their name but lose their value, and anything in the path that looks like a
 * token value is replaced.
 */
final class Redaction {
  static final String REDACTED = "[redacted]";

  private static final Set<String> SECRET_PARAMETERS =
      Set.of(
          "auth_token",
          "auth_pwd",
          "json_data",
          "token",
          "access_token",
          "password",
          "secret",
          "csrf_token");

  // a token value of any installation prefix: <prefix><p|a>_ then base62 (76 chars with "tks")
  private static final Pattern TOKEN_LIKE =
      Pattern.compile("[a-z][a-z0-9]{1,9}[pa]_[A-Za-z0-9]{20,}");

  private Redaction() {}

  /** The path and, if any, the query string with secret parameters redacted. */
  static String target(String path, String query) {
    String safePath = path(path);
    return query == null || query.isEmpty() ? safePath : safePath + "?" + query(query);
  }

  static String path(String path) {
    return TOKEN_LIKE.matcher(path).replaceAll(REDACTED);
  }

  static String query(String query) {
    StringBuilder safe = new StringBuilder(query.length());
    for (String pair : query.split("&", -1)) {
      if (safe.length() > 0) {
        safe.append('&');
      }
      int equals = pair.indexOf('=');
      String rawName = equals < 0 ? pair : pair.substring(0, equals);
      if (SECRET_PARAMETERS.contains(decoded(rawName).toLowerCase(Locale.ROOT))) {
        safe.append(rawName).append('=').append(REDACTED);
      } else {
        safe.append(TOKEN_LIKE.matcher(pair).replaceAll(REDACTED));
      }
    }
    return safe.toString();
  }

  private static String decoded(String name) {
    try {
      return URLDecoder.decode(name, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException malformed) {
      return name;
    }
  }
}
