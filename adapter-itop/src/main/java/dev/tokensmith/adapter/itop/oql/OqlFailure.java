package dev.tokensmith.adapter.itop.oql;

/**
 * Unwinds the recursive-descent parser to {@link Oql#parse}, which turns it into a left value; it
 * never leaves this package and carries no stack trace.
 */
final class OqlFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient OqlSyntaxError error;

  OqlFailure(OqlSyntaxError error) {
    super(error.message(), null, false, false);
    this.error = error;
  }

  static OqlFailure malformed(int position, String message) {
    return new OqlFailure(new OqlSyntaxError.Malformed(position, message));
  }

  OqlSyntaxError error() {
    return error;
  }
}
