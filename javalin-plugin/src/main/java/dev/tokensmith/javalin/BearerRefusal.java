package dev.tokensmith.javalin;

import dev.tokensmith.domain.authentication.AuthenticationFailure;
import dev.tokensmith.domain.authentication.AuthenticationFailure.ScopeNotGranted;
import dev.tokensmith.domain.authentication.FailureReason;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * tokensmith's answer to a refused token (RFC 6750): the status, the body {@code
 * {"error","reason","message"}} and the {@code WWW-Authenticate} challenge, the same from
 * tokensmith's own API and from the plugin.
 *
 * @param status 400, 401 or 403
 * @param error the RFC 6750 error, or {@code unauthorized} for a request without credentials
 * @param reason the reason code, e.g. {@code token_expired}
 * @param message a sentence the token's owner understands
 * @param challenge the value of the {@code WWW-Authenticate} header
 */
public record BearerRefusal(
    int status, String error, String reason, String message, String challenge) {
  /** The realm of every challenge. */
  public static final String REALM = "tokensmith";

  /** The header carrying the challenge. */
  public static final String WWW_AUTHENTICATE = "WWW-Authenticate";

  public BearerRefusal {
    Objects.requireNonNull(error, "error");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(challenge, "challenge");
  }

  /** The answer to {@code failure}, DESIGN §2's table. */
  public static BearerRefusal of(AuthenticationFailure failure) {
    String scope =
        failure instanceof ScopeNotGranted notGranted ? notGranted.required().name() : null;
    return of(failure.reason(), failure.message(), scope);
  }

  /**
   * The answer to a failure known by its reason and message (e.g. from an introspection), naming
   * the {@code requiredScope} in the challenge when given.
   */
  public static BearerRefusal of(
      FailureReason reason, String message, @Nullable String requiredScope) {
    String bearerError = reason.bearerError().getOrNull();
    StringBuilder challenge = new StringBuilder("Bearer realm=\"").append(REALM).append('"');
    if (bearerError != null) {
      challenge
          .append(", error=\"")
          .append(bearerError)
          .append("\", error_description=\"")
          .append(quotable(message))
          .append('"');
    }
    if (requiredScope != null) {
      challenge.append(", scope=\"").append(quotable(requiredScope)).append('"');
    }
    return new BearerRefusal(
        reason.httpStatus(),
        bearerError == null ? "unauthorized" : bearerError,
        reason.code(),
        message,
        challenge.toString());
  }

  /** RFC 6750 allows only printable ASCII without {@code "} and {@code \} in attribute values. */
  public static String quotable(String text) {
    StringBuilder quoted = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      quoted.append(c >= 0x20 && c <= 0x7e && c != '"' && c != '\\' ? c : '\'');
    }
    return quoted.toString();
  }
}
