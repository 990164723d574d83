package dev.tokensmith.application.port.out;

import java.util.List;

/**
 * Failed attempts counted per key and window, where every instance of the service sees the same
 * counts (the budgets of docs/security.md). Implementations count atomically: N concurrent failures
 * of one key add exactly N. Only failures are ever written; a valid credential never reaches here.
 */
public interface FailedAttemptCounter {
  /**
   * Counts one failure in each of {@code windows} (distinct keys) and answers each one's count
   * after it, in the same order.
   */
  List<Long> countFailure(List<AttemptWindow> windows);

  /** The failures counted so far in {@code window}; 0 when none. */
  long failures(AttemptWindow window);
}
