package dev.tokensmith.application.port.in;

import java.util.List;

/** The installation's scope catalogue: the standard scopes, then the registered ones by name. */
public interface ListScopesUseCase {
  List<KnownScope> listScopes();
}
