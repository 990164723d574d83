package dev.tokensmith.domain.authentication;

import io.vavr.control.Option;

/**
 * The reason codes of DESIGN §2 with, in this one place, their HTTP status and RFC 6750 error on
 * {@code /api/v1}. {@link #RATE_LIMITED} is not a check of the order: it replaces a guess-like
 * failure when its address has spent its budget of failed attempts (see docs/security.md).
 */
public enum FailureReason {
  MISSING_CREDENTIALS(401, null),
  AMBIGUOUS_CREDENTIALS(400, "invalid_request"),
  MALFORMED_TOKEN(401, "invalid_token"),
  TOKEN_DELETED(401, "invalid_token"),
  UNKNOWN_TOKEN(401, "invalid_token"),
  TOKEN_REFRESHED(401, "invalid_token"),
  WRONG_SECRET(401, "invalid_token"),
  TOKEN_EXPIRED(401, "invalid_token"),
  TOKEN_INACTIVE(401, "invalid_token"),
  PRINCIPAL_DISABLED(401, "invalid_token"),
  PROFILE_NOT_ALLOWED(403, "insufficient_scope"),
  SCOPE_NOT_GRANTED(403, "insufficient_scope"),
  REST_PROFILE_REQUIRED(403, "insufficient_scope"),
  RATE_LIMITED(429, null);

  private final int httpStatus;
  private final String bearerError;

  FailureReason(int httpStatus, String bearerError) {
    this.httpStatus = httpStatus;
    this.bearerError = bearerError;
  }

  /** The reason code as it appears in the API, e.g. {@code token_expired}. */
  public String code() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  public int httpStatus() {
    return httpStatus;
  }

  /**
   * The RFC 6750 {@code error} attribute, none for a request without credentials or refused for too
   * many failed attempts.
   */
  public Option<String> bearerError() {
    return Option.of(bearerError);
  }

  public static Option<FailureReason> ofCode(String code) {
    for (FailureReason reason : values()) {
      if (reason.code().equals(code)) {
        return Option.some(reason);
      }
    }
    return Option.none();
  }
}
