package dev.tokensmith.javalin;

/**
 * tokensmith could not decide (its database or its introspection endpoint is unreachable, or
 * answered unexpectedly): the request is answered 503 with {@code Retry-After}, never let through.
 */
public final class TokensmithUnavailable extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public TokensmithUnavailable(String message, Throwable cause) {
    super(message, cause);
  }

  public TokensmithUnavailable(String message) {
    super(message);
  }
}
