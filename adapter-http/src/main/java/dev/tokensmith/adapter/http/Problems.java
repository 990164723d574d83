package dev.tokensmith.adapter.http;

import dev.tokensmith.adapter.http.view.ErrorView;
import dev.tokensmith.application.port.in.UseCaseFailure;
import dev.tokensmith.application.port.in.UseCaseFailure.Conflict;
import dev.tokensmith.application.port.in.UseCaseFailure.Forbidden;
import dev.tokensmith.application.port.in.UseCaseFailure.InvalidCredentials;
import dev.tokensmith.application.port.in.UseCaseFailure.InvalidInput;
import dev.tokensmith.application.port.in.UseCaseFailure.NotFound;
import dev.tokensmith.application.port.in.UseCaseFailure.TooManyAttempts;
import dev.tokensmith.domain.authentication.AuthenticationFailure;
import dev.tokensmith.domain.authentication.AuthenticationFailure.AmbiguousCredentials;
import dev.tokensmith.domain.authentication.AuthenticationFailure.MalformedToken;
import dev.tokensmith.domain.authentication.AuthenticationFailure.MissingCredentials;
import dev.tokensmith.domain.authentication.AuthenticationFailure.PrincipalDisabled;
import dev.tokensmith.domain.authentication.AuthenticationFailure.ProfileNotAllowed;
import dev.tokensmith.domain.authentication.AuthenticationFailure.RateLimited;
import dev.tokensmith.domain.authentication.AuthenticationFailure.RestProfileRequired;
import dev.tokensmith.domain.authentication.AuthenticationFailure.ScopeNotGranted;
import dev.tokensmith.domain.authentication.AuthenticationFailure.TokenDeleted;
import dev.tokensmith.domain.authentication.AuthenticationFailure.TokenExpired;
import dev.tokensmith.domain.authentication.AuthenticationFailure.TokenRefreshed;
import dev.tokensmith.domain.authentication.AuthenticationFailure.UnknownToken;
import dev.tokensmith.domain.authentication.AuthenticationFailure.WrongSecret;
import dev.tokensmith.domain.authentication.FailureReason;
import java.util.Map;

/**
 * The response to every failure, in one place: the sealed families {@link UseCaseFailure} and
 * {@link AuthenticationFailure} (DESIGN §2's table), and the adapter's own refusals.
 */
final class Problems {
  static final String REALM = "tokensmith";
  static final String WWW_AUTHENTICATE = "WWW-Authenticate";

  private Problems() {}

  static Problem of(UseCaseFailure failure) {
    if (failure instanceof InvalidInput invalid) {
      return Problem.of(400, "invalid_input", namingField(invalid.field(), invalid.message()));
    }
    if (failure instanceof NotFound) {
      return Problem.of(404, "not_found", failure.message());
    }
    if (failure instanceof Forbidden) {
      return Problem.of(403, "forbidden", failure.message());
    }
    if (failure instanceof Conflict conflict) {
      return Problem.of(409, "conflict", namingField(conflict.field(), conflict.message()));
    }
    if (failure instanceof InvalidCredentials) {
      return Problem.of(401, "invalid_credentials", failure.message());
    }
    if (failure instanceof TooManyAttempts tooMany) {
      return rateLimited(tooMany.retryAfterSeconds(), failure.message());
    }
    throw new IllegalStateException("no response for " + failure.getClass().getName());
  }

  static Problem of(AuthenticationFailure failure) {
    if (failure instanceof MissingCredentials) {
      return authentication(failure, 401, null, null);
    }
    if (failure instanceof AmbiguousCredentials) {
      return authentication(failure, 400, "invalid_request", null);
    }
    if (failure instanceof MalformedToken
        || failure instanceof TokenDeleted
        || failure instanceof UnknownToken
        || failure instanceof TokenRefreshed
        || failure instanceof WrongSecret
        || failure instanceof TokenExpired
        || failure instanceof PrincipalDisabled) {
      return authentication(failure, 401, "invalid_token", null);
    }
    if (failure instanceof ProfileNotAllowed || failure instanceof RestProfileRequired) {
      return authentication(failure, 403, "insufficient_scope", null);
    }
    if (failure instanceof ScopeNotGranted notGranted) {
      return authentication(failure, 403, "insufficient_scope", notGranted.required().name());
    }
    if (failure instanceof RateLimited rateLimited) {
      return rateLimited(rateLimited.retryAfterSeconds(), failure.message());
    }
    throw new IllegalStateException("no response for " + failure.getClass().getName());
  }

  static Problem tooManyRequests(long retryAfterSeconds, String what) {
    return Problem.of(
            429,
            "too_many_requests",
            "Too many "
                + what
                + " from your address; try again in "
                + retryAfterSeconds
                + " second"
                + (retryAfterSeconds == 1 ? "" : "s")
                + ".")
        .withHeader("Retry-After", Long.toString(retryAfterSeconds));
  }

  /**
   * A credential refused because its budget of failed attempts is spent: 429 with the reason {@code
   * rate_limited} and {@code Retry-After}.
   */
  static Problem rateLimited(long retryAfterSeconds, String message) {
    return new Problem(
        429,
        new ErrorView("too_many_requests", FailureReason.RATE_LIMITED.code(), message),
        Map.of("Retry-After", Long.toString(retryAfterSeconds)));
  }

  static Problem csrfRejected() {
    return Problem.of(
        403,
        "csrf_token_invalid",
        "This request changes something, so it needs the X-CSRF-Token header with the value"
            + " returned by the login.");
  }

  static Problem sessionEnded() {
    return Problem.of(401, "session_ended", "Your session has ended; log in again.")
        .withHeader(WWW_AUTHENTICATE, "Bearer realm=\"" + REALM + "\"");
  }

  static Problem routeNotFound() {
    return Problem.of(404, "not_found", "There is no such route; see docs/openapi.yaml.");
  }

  /** A path that exists, asked with a method it does not have; {@code allowed} lists those. */
  static Problem methodNotAllowed(String allowed) {
    return Problem.of(
            405,
            "method_not_allowed",
            "This route does not accept this method; it accepts " + allowed + ".")
        .withHeader("Allow", allowed);
  }

  static Problem storageUnavailable() {
    return Problem.of(
            503,
            "unavailable",
            "The service cannot reach its database right now; try again in a few seconds.")
        .withHeader("Retry-After", "5");
  }

  static Problem internalError() {
    return Problem.of(500, "internal_error", "Something went wrong on our side; it was logged.");
  }

  /** A 500 whose message names the id of its log line. */
  static Problem internalError(String errorId) {
    return Problem.of(
        500,
        "internal_error",
        "Something went wrong on our side; it was logged with error id " + errorId + ".");
  }

  /** Text the database refused that the input rule let through: still the caller's 400. */
  static Problem refusedByStorage() {
    return of(
        new InvalidInput(
            "input",
            "input holds a text value the service cannot store (a NUL character, an unpaired"
                + " surrogate or a value too long); see docs/input.md"));
  }

  private static Problem authentication(
      AuthenticationFailure failure, int status, String bearerError, String scope) {
    StringBuilder challenge = new StringBuilder("Bearer realm=\"").append(REALM).append('"');
    if (bearerError != null) {
      challenge
          .append(", error=\"")
          .append(bearerError)
          .append("\", error_description=\"")
          .append(quotable(failure.message()))
          .append('"');
    }
    if (scope != null) {
      challenge.append(", scope=\"").append(quotable(scope)).append('"');
    }
    String error = bearerError == null ? "unauthorized" : bearerError;
    return new Problem(
        status,
        new ErrorView(error, failure.reason().code(), failure.message()),
        Map.of(WWW_AUTHENTICATE, challenge.toString()));
  }

  /** The message, starting with the field's name when it does not already. */
  private static String namingField(String field, String message) {
    return message.startsWith(field) ? message : field + ": " + message;
  }

  /** RFC 6750 allows only printable ASCII without {@code "} and {@code \} in attribute values. */
  static String quotable(String text) {
    StringBuilder quoted = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      quoted.append(c >= 0x20 && c <= 0x7e && c != '"' && c != '\\' ? c : '\'');
    }
    return quoted.toString();
  }
}
