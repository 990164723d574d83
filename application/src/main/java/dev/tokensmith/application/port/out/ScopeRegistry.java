package dev.tokensmith.application.port.out;

import java.util.List;

/**
 * Where the scopes services define are kept, shared by every instance: {@link #register} inserts or
 * updates by name, {@link #registered} lists them by name.
 */
public interface ScopeRegistry {
  List<RegisteredScope> registered();

  /** Inserts the scopes, or updates the description and time of those already registered. */
  void register(List<RegisteredScope> scopes);
}
