package dev.tokensmith.domain.token;

import io.vavr.control.Either;
import io.vavr.control.Option;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The scopes an installation knows: the five standard ones and any registered name. Input accepts a
 * scope's name or its iTop code; output always uses the name.
 */
public final class ScopeCatalog {
  private static final Map<Scope, String> ITOP_CODES =
      Map.of(
          Scope.REST, "REST/JSON",
          Scope.SYNCHRO, "Synchro",
          Scope.IMPORT, "Import",
          Scope.EXPORT, "Export");

  private final Map<String, Scope> byInput = new LinkedHashMap<>();
  private final List<Scope> known;

  private ScopeCatalog(Collection<Scope> scopes) {
    for (Scope scope : scopes) {
      byInput.put(scope.name(), scope);
      Option.of(ITOP_CODES.get(scope)).forEach(code -> byInput.put(code, scope));
    }
    this.known = List.copyOf(new java.util.LinkedHashSet<>(scopes));
  }

  /** The standard scopes: rest, synchro, import, export, introspect. */
  public static ScopeCatalog standard() {
    return new ScopeCatalog(
        List.of(Scope.REST, Scope.SYNCHRO, Scope.IMPORT, Scope.EXPORT, Scope.INTROSPECT));
  }

  /** This catalog plus {@code extra} scopes registered by the installation. */
  public ScopeCatalog with(Collection<Scope> extra) {
    List<Scope> all = new java.util.ArrayList<>(known);
    all.addAll(extra);
    return new ScopeCatalog(all);
  }

  public List<Scope> known() {
    return known;
  }

  /** The scope named {@code input} (its name or iTop code), or a sentence naming the problem. */
  public Either<String, Scope> parse(String input) {
    Scope scope = input == null ? null : byInput.get(input.strip());
    if (scope == null) {
      return Either.left(
          "unknown scope '"
              + input
              + "'; known scopes are "
              + String.join(", ", known.stream().map(Scope::name).toList()));
    }
    return Either.right(scope);
  }

  /** iTop's code for a standard scope, if it has one. */
  public static Option<String> itopCode(Scope scope) {
    return Option.of(ITOP_CODES.get(scope));
  }

  public boolean knows(Set<Scope> scopes) {
    return known.containsAll(scopes);
  }
}
