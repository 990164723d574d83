package dev.tokensmith.application.fake;

import dev.tokensmith.application.port.out.AuthenticationFailureLog;
import dev.tokensmith.domain.authentication.RecordedFailure;
import dev.tokensmith.domain.token.TokenId;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@link AuthenticationFailureLog} in memory, bounded per token. */
public final class InMemoryAuthenticationFailureLog implements AuthenticationFailureLog {
  private final Map<TokenId, Deque<RecordedFailure>> failures = new HashMap<>();

  @Override
  public synchronized void record(TokenId id, RecordedFailure failure) {
    Deque<RecordedFailure> recent = failures.computeIfAbsent(id, key -> new ArrayDeque<>());
    recent.addFirst(failure);
    while (recent.size() > KEPT_PER_TOKEN) {
      recent.removeLast();
    }
  }

  @Override
  public synchronized List<RecordedFailure> recent(TokenId id, int limit) {
    return failures.getOrDefault(id, new ArrayDeque<>()).stream().limit(limit).toList();
  }
}
