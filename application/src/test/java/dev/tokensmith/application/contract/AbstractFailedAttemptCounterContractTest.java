package dev.tokensmith.application.contract;

import static dev.tokensmith.application.contract.ContractFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tokensmith.application.port.out.AttemptWindow;
import dev.tokensmith.application.port.out.FailedAttemptCounter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** What every {@link FailedAttemptCounter} must do. */
public abstract class AbstractFailedAttemptCounterContractTest {
  protected abstract FailedAttemptCounter counter();

  private static AttemptWindow window(String key, int minute) {
    return new AttemptWindow(
        key, T0.plus(Duration.ofMinutes(minute)), T0.plus(Duration.ofMinutes(minute + 1)));
  }

  private static String key() {
    return "test-key:" + UUID.randomUUID();
  }

  @Test
  void eachFailureAddsOneAndAnswersTheCountAfterIt() {
    AttemptWindow window = window(key(), 0);
    assertThat(counter().failures(window)).isZero();
    assertThat(counter().countFailure(List.of(window))).containsExactly(1L);
    assertThat(counter().countFailure(List.of(window))).containsExactly(2L);
    assertThat(counter().failures(window)).isEqualTo(2);
  }

  @Test
  void keysAndWindowsAreCountedApart() {
    String key = key();
    String other = key();
    counter().countFailure(List.of(window(key, 0)));
    counter().countFailure(List.of(window(key, 0)));
    List<Long> counted = counter().countFailure(List.of(window(other, 0), window(key, 1)));
    assertThat(counted).containsExactly(1L, 1L);
    assertThat(counter().failures(window(key, 0))).isEqualTo(2);
  }

  @Test
  void severalWindowsInOneCallAnswerInTheirOrder() {
    String first = key();
    String second = key();
    counter().countFailure(List.of(window(second, 0)));
    assertThat(counter().countFailure(List.of(window(first, 0), window(second, 0))))
        .containsExactly(1L, 2L);
    assertThat(counter().countFailure(List.of(window(second, 0), window(first, 0))))
        .containsExactly(3L, 2L);
  }

  @Test
  void keysOfAnyTextAreCounted() {
    String hostile = "wrong-password-login:\u0000'; DROP TABLE x; --\uD800 " + "é".repeat(5000);
    AttemptWindow window = window(hostile + key(), 0);
    assertThat(counter().countFailure(List.of(window))).containsExactly(1L);
    assertThat(counter().failures(window)).isEqualTo(1);
  }

  @Test
  void concurrentFailuresAreCountedExactly() throws Exception {
    String shared = key();
    String perLogin = key();
    int threads = 8;
    int each = 25;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        boolean reversed = t % 2 == 0;
        done.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < each; i++) {
                    counter()
                        .countFailure(
                            reversed
                                ? List.of(window(perLogin, 0), window(shared, 0))
                                : List.of(window(shared, 0), window(perLogin, 0)));
                  }
                }));
      }
      for (Future<?> future : done) {
        future.get();
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(counter().failures(window(shared, 0))).isEqualTo(threads * each);
    assertThat(counter().failures(window(perLogin, 0))).isEqualTo(threads * each);
  }
}
