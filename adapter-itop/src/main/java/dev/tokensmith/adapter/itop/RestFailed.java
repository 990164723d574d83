package dev.tokensmith.adapter.itop;

/**
 * Carries an error answer from wherever a call of {@code rest.php} stops (as iTop's PHP throws) to
 * the one place in {@link ItopRestController} that writes it; never leaves this package and has no
 * stack trace.
 */
final class RestFailed extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient RestResult result;

  RestFailed(RestResult result) {
    super(result.code().name(), null, false, false);
    this.result = result;
  }

  /** An error answer {@code {"code":…,"message":"Error: <text>"}}. */
  static RestFailed error(RestCode code, String text) {
    return new RestFailed(RestResult.error(code, "Error: " + text));
  }

  /** {@code Error: <text>} with code 100, iTop's answer to most refused parameters. */
  static RestFailed internal(String text) {
    return error(RestCode.INTERNAL_ERROR, text);
  }

  RestResult result() {
    return result;
  }
}
