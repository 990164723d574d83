package dev.tokensmith.application.port.out;

import java.time.Instant;
import java.util.Objects;

/**
 * One budget's window for one key, e.g. the wrong passwords of login {@code alice} from 09:00 to
 * 09:05. The key names the budget and its subject ({@code wrong-password-login:alice}); stores keep
 * only a digest of it, since a mistyped login may be a password.
 */
public record AttemptWindow(String key, Instant start, Instant end) {
  public AttemptWindow {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    if (!end.isAfter(start)) {
      throw new IllegalArgumentException("a window ends after it starts");
    }
  }

  @Override
  public String toString() {
    return "AttemptWindow[key=redacted, start=" + start + ", end=" + end + "]";
  }
}
