package dev.tokensmith.application.fake;

import dev.tokensmith.application.port.out.AttemptWindow;
import dev.tokensmith.application.port.out.FailedAttemptCounter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@link FailedAttemptCounter} in a map, for one process's tests. */
public final class InMemoryFailedAttemptCounter implements FailedAttemptCounter {
  private final Map<AttemptWindow, Long> counts = new HashMap<>();

  @Override
  public synchronized List<Long> countFailure(List<AttemptWindow> windows) {
    List<Long> counted = new ArrayList<>(windows.size());
    for (AttemptWindow window : windows) {
      counted.add(counts.merge(window, 1L, Long::sum));
    }
    return counted;
  }

  @Override
  public synchronized long failures(AttemptWindow window) {
    return counts.getOrDefault(window, 0L);
  }

  /** How many windows are kept (every failed attempt of a test run, never pruned). */
  public synchronized int windows() {
    return counts.size();
  }
}
