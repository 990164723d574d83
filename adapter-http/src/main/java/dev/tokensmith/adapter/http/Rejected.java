package dev.tokensmith.adapter.http;

/**
 * A request the adapter itself refuses before any use case runs (rate limit, CSRF, ended session),
 * with the response it gets.
 */
final class Rejected extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient Problem problem;

  Rejected(Problem problem) {
    super(problem.body().error(), null, false, false);
    this.problem = problem;
  }

  Problem problem() {
    return problem;
  }
}
