package dev.tokensmith.application.service;

import dev.tokensmith.application.port.in.KnownScope;
import dev.tokensmith.application.port.in.ListScopesUseCase;
import dev.tokensmith.application.port.in.RegisterScopeCommand;
import dev.tokensmith.application.port.in.RegisterScopesUseCase;
import dev.tokensmith.application.port.in.UseCaseFailure;
import dev.tokensmith.application.port.in.UseCaseFailure.InvalidInput;
import dev.tokensmith.application.port.out.RegisteredScope;
import dev.tokensmith.application.port.out.ScopeRegistry;
import dev.tokensmith.domain.token.Scope;
import dev.tokensmith.domain.token.ScopeCatalog;
import io.vavr.control.Either;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The scope catalogue: the installation's configured scopes and those services registered, read
 * from the {@link ScopeRegistry} whenever a token's scopes are chosen.
 */
public final class ScopeService implements ListScopesUseCase, RegisterScopesUseCase {
  /** The longest description a registered scope may have. */
  public static final int MAX_DESCRIPTION_LENGTH = 200;

  /** The most scopes one call may register. */
  public static final int MAX_SCOPES_PER_CALL = 100;

  private static final Map<Scope, String> STANDARD_DESCRIPTIONS =
      Map.of(
          Scope.REST, "REST API and webservices/rest.php (iTop REST/JSON)",
          Scope.SYNCHRO, "Data synchronisation by collectors (iTop Synchro)",
          Scope.IMPORT, "Bulk import (iTop Import)",
          Scope.EXPORT, "Bulk export (iTop Export)",
          Scope.INTROSPECT, "Token introspection and scope registration by other services");

  private final ScopeCatalog configured;
  private final ScopeRegistry registry;
  private final Clock clock;

  public ScopeService(ScopeCatalog configured, ScopeRegistry registry, Clock clock) {
    this.configured = configured;
    this.registry = registry;
    this.clock = clock;
  }

  /** The configured scopes plus every registered one (one read of the registry). */
  public ScopeCatalog catalog() {
    return configured.with(registry.registered().stream().map(RegisteredScope::scope).toList());
  }

  @Override
  public List<KnownScope> listScopes() {
    List<KnownScope> all = new ArrayList<>();
    for (Scope scope : configured.known()) {
      all.add(new KnownScope(scope, STANDARD_DESCRIPTIONS.getOrDefault(scope, scope.name()), true));
    }
    for (RegisteredScope registered : registry.registered()) {
      if (!configured.known().contains(registered.scope())) {
        all.add(new KnownScope(registered.scope(), registered.description(), false));
      }
    }
    return all;
  }

  @Override
  public Either<UseCaseFailure, List<KnownScope>> registerScopes(
      List<RegisterScopeCommand> scopes) {
    if (scopes == null || scopes.isEmpty()) {
      return Either.left(new InvalidInput("scopes", "scopes must name at least one scope"));
    }
    if (scopes.size() > MAX_SCOPES_PER_CALL) {
      return Either.left(
          new InvalidInput(
              "scopes", "scopes may name at most " + MAX_SCOPES_PER_CALL + " scopes at once"));
    }
    Instant now = clock.instant();
    List<RegisteredScope> valid = new ArrayList<>();
    List<KnownScope> known = new ArrayList<>();
    for (RegisterScopeCommand command : scopes) {
      if (command == null || !Scope.isValidName(command.name())) {
        return Either.left(
            new InvalidInput(
                "name",
                "name must be 1 to 64 lower-case letters, digits or _ . : - starting with a"
                    + " letter, e.g. billing:read"));
      }
      Scope scope = new Scope(command.name());
      if (configured.known().contains(scope)) {
        return Either.left(
            new InvalidInput(
                "name", "name '" + scope.name() + "' is a standard scope; choose another name"));
      }
      String description = command.description() == null ? "" : command.description().strip();
      if (description.isEmpty() || description.length() > MAX_DESCRIPTION_LENGTH) {
        return Either.left(
            new InvalidInput(
                "description",
                "description must be 1 to " + MAX_DESCRIPTION_LENGTH + " characters"));
      }
      if (!printable(description)) {
        return Either.left(
            new InvalidInput("description", "description must not hold control characters"));
      }
      valid.add(new RegisteredScope(scope, description, now));
      known.add(new KnownScope(scope, description, false));
    }
    registry.register(valid);
    return Either.right(known);
  }

  private static boolean printable(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isISOControl(c) || Character.isSurrogate(c)) {
        return false;
      }
    }
    return true;
  }
}
