package dev.tokensmith.adapter.itop;

import dev.tokensmith.adapter.itop.oql.OqlSyntaxError;
import dev.tokensmith.application.port.in.LogInToRestServicesUseCase;
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
import dev.tokensmith.domain.authentication.AuthenticationFailure.TokenInactive;
import dev.tokensmith.domain.authentication.AuthenticationFailure.TokenRefreshed;
import dev.tokensmith.domain.authentication.AuthenticationFailure.UnknownToken;
import dev.tokensmith.domain.authentication.AuthenticationFailure.WrongSecret;
import dev.tokensmith.domain.authentication.FailureReason;
import io.vavr.control.Either;
import java.util.Map;

/**
 * The one place where failures become iTop answers: authentication failures (code 1 {@code Error:
 * Invalid login}, the reason in {@link #AUTH_FAILURE_HEADER}), use-case failures (permissions code
 * 1 with iTop's sentence, everything else code 100), OQL errors, and infrastructure faults.
 */
final class RestFailures {
  /** The response header that names why a login failed, which iTop's answer never says. */
  static final String AUTH_FAILURE_HEADER = "X-Tokensmith-Auth-Failure";

  /** The reason code sent for a wrong or refused login and password. */
  static final String INVALID_CREDENTIALS = "invalid_credentials";

  static final String INVALID_LOGIN = "Error: Invalid login";
  static final String REST_PROFILE_REQUIRED =
      "Error: " + LogInToRestServicesUseCase.REST_PROFILE_REQUIRED;

  private RestFailures() {}

  /** A token that did not authenticate: iTop's opaque answer plus the reason in a header. */
  static RestResult ofAuthentication(AuthenticationFailure failure) {
    String message;
    if (failure instanceof RateLimited rateLimited) {
      return tooManyAttempts(rateLimited.retryAfterSeconds());
    } else if (failure instanceof RestProfileRequired) {
      message = REST_PROFILE_REQUIRED;
    } else if (failure instanceof MissingCredentials
        || failure instanceof AmbiguousCredentials
        || failure instanceof MalformedToken
        || failure instanceof TokenDeleted
        || failure instanceof UnknownToken
        || failure instanceof TokenRefreshed
        || failure instanceof WrongSecret
        || failure instanceof TokenExpired
        || failure instanceof TokenInactive
        || failure instanceof PrincipalDisabled
        || failure instanceof ProfileNotAllowed
        || failure instanceof ScopeNotGranted) {
      message = INVALID_LOGIN;
    } else {
      throw new IllegalStateException("no answer for " + failure.getClass().getName());
    }
    return RestResult.error(RestCode.UNAUTHORIZED, message)
        .withHeader(AUTH_FAILURE_HEADER, failure.reason().code());
  }

  /** A login and password that did not authenticate ({@link LogInToRestServicesUseCase}). */
  static RestResult ofPasswordLogin(UseCaseFailure failure) {
    if (failure instanceof TooManyAttempts tooMany) {
      return tooManyAttempts(tooMany.retryAfterSeconds());
    }
    if (failure instanceof Forbidden) {
      return RestResult.error(RestCode.UNAUTHORIZED, REST_PROFILE_REQUIRED)
          .withHeader(AUTH_FAILURE_HEADER, "rest_profile_required");
    }
    if (failure instanceof InvalidCredentials
        || failure instanceof InvalidInput
        || failure instanceof NotFound
        || failure instanceof Conflict) {
      return invalidCredentials();
    }
    throw new IllegalStateException("no answer for " + failure.getClass().getName());
  }

  /**
   * A credential refused because its budget of failed attempts is spent: code 1 with the wait,
   * {@code rate_limited} in {@link #AUTH_FAILURE_HEADER}, and {@code Retry-After}.
   */
  static RestResult tooManyAttempts(long retryAfterSeconds) {
    return RestResult.error(
            RestCode.UNAUTHORIZED,
            "Error: Too many failed attempts, retry in " + retryAfterSeconds + " s")
        .withHeader(AUTH_FAILURE_HEADER, FailureReason.RATE_LIMITED.code())
        .withHeader("Retry-After", Long.toString(retryAfterSeconds));
  }

  /** iTop's answer to a call without credentials of the kind its {@code login_mode} names. */
  static RestResult missingCredentials() {
    return RestResult.error(RestCode.UNAUTHORIZED, INVALID_LOGIN)
        .withHeader(AUTH_FAILURE_HEADER, FailureReason.MISSING_CREDENTIALS.code());
  }

  /** iTop's answer to a wrong login and password. */
  static RestResult invalidCredentials() {
    return RestResult.error(RestCode.UNAUTHORIZED, INVALID_LOGIN)
        .withHeader(AUTH_FAILURE_HEADER, INVALID_CREDENTIALS);
  }

  /**
   * A use case that refused an operation: a permission error is code 1 with iTop's sentence (no
   * {@code Error:} prefix, {@code objects} null, as iTop's services set it), anything else code 100
   * {@code Error: <field>: <message>}, as iTop reports an exception.
   */
  static RestResult ofOperation(UseCaseFailure failure) {
    if (failure instanceof Forbidden) {
      return RestResult.objects(RestCode.UNAUTHORIZED, failure.message(), Map.of());
    }
    if (failure instanceof InvalidInput invalid) {
      return internal(namingField(invalid.field(), invalid.message()));
    }
    if (failure instanceof Conflict conflict) {
      return internal(namingField(conflict.field(), conflict.message()));
    }
    if (failure instanceof NotFound) {
      return internal(failure.message());
    }
    if (failure instanceof InvalidCredentials) {
      return RestResult.error(RestCode.UNAUTHORIZED, INVALID_LOGIN);
    }
    if (failure instanceof TooManyAttempts tooMany) {
      return tooManyAttempts(tooMany.retryAfterSeconds());
    }
    throw new IllegalStateException("no answer for " + failure.getClass().getName());
  }

  /** The value of a use case's outcome, or its failure as an answer. */
  static <T> T orFail(Either<UseCaseFailure, T> outcome) {
    if (outcome.isLeft()) {
      throw new RestFailed(ofOperation(outcome.getLeft()));
    }
    return outcome.get();
  }

  /**
   * An OQL key that cannot run: {@code Error: Query failed to execute: query = <oql>, …} as iTop
   * words it, with what is wrong and where (1-based character).
   */
  static RestResult ofQuery(String oql, OqlSyntaxError error) {
    String what;
    if (error instanceof OqlSyntaxError.Malformed
        || error instanceof OqlSyntaxError.UnknownClass
        || error instanceof OqlSyntaxError.UnknownAttribute) {
      what = error.message();
    } else {
      throw new IllegalStateException("no answer for " + error.getClass().getName());
    }
    return internal(
        "Query failed to execute: query = "
            + oql
            + ", exception_message = "
            + what
            + " (at character "
            + (error.position() + 1)
            + ")");
  }

  /** The database cannot be reached (the service recovers by itself). */
  static RestResult storageUnavailable() {
    return internal("The service cannot reach its database right now; try again in a few seconds.")
        .withHeader("Retry-After", "5");
  }

  /** Anything unexpected: logged by the caller with {@code errorId}, never shown. */
  static RestResult unexpected(String errorId) {
    return internal(
        "Something went wrong on our side; it was logged with error id " + errorId + ".");
  }

  /** A parameter or {@code json_data} value that breaks the input rule ({@code StorableText}). */
  static RestResult unstorable(String problem) {
    return internal(problem);
  }

  /** Text the database refused that the input rule let through: the caller's, not an outage. */
  static RestResult refusedByStorage() {
    return internal(
        "input holds a text value the service cannot store (a NUL character, an unpaired"
            + " surrogate or a value too long)");
  }

  private static RestResult internal(String text) {
    return RestResult.error(RestCode.INTERNAL_ERROR, "Error: " + text);
  }

  /** The message, starting with the field's name when it does not already, as iTop words it. */
  private static String namingField(String field, String message) {
    return message.startsWith(field) ? message : field + ": " + message;
  }
}
