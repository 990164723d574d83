package dev.tokensmith.application.fake;

import dev.tokensmith.application.port.out.RegisteredScope;
import dev.tokensmith.application.port.out.ScopeRegistry;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** {@link ScopeRegistry} in memory. */
public final class InMemoryScopeRegistry implements ScopeRegistry {
  private final Map<String, RegisteredScope> byName = new TreeMap<>();

  @Override
  public synchronized List<RegisteredScope> registered() {
    return List.copyOf(byName.values());
  }

  @Override
  public synchronized void register(List<RegisteredScope> scopes) {
    scopes.forEach(scope -> byName.put(scope.scope().name(), scope));
  }
}
