package dev.tokensmith.application.contract;

import static dev.tokensmith.application.contract.ContractFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tokensmith.application.port.out.RegisteredScope;
import dev.tokensmith.application.port.out.ScopeRegistry;
import dev.tokensmith.domain.token.Scope;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What every {@link ScopeRegistry} must do. */
public abstract class AbstractScopeRegistryContractTest {
  protected abstract ScopeRegistry registry();

  private static Scope unique(String stem) {
    return new Scope(ContractFixtures.unique(stem).toLowerCase(java.util.Locale.ROOT));
  }

  @Test
  void registeredScopesAreListedByName() {
    Scope write = unique("zz-billing:write");
    Scope read = unique("zz-billing:read");
    registry()
        .register(
            List.of(
                new RegisteredScope(write, "Write invoices", T0),
                new RegisteredScope(read, "Read invoices", T0)));
    List<RegisteredScope> listed =
        registry().registered().stream()
            .filter(r -> r.scope().equals(read) || r.scope().equals(write))
            .toList();
    assertThat(listed)
        .containsExactly(
            new RegisteredScope(read, "Read invoices", T0),
            new RegisteredScope(write, "Write invoices", T0));
  }

  @Test
  void registeringAKnownScopeAgainUpdatesItsDescriptionOnly() {
    Scope scope = unique("reports");
    registry().register(List.of(new RegisteredScope(scope, "Old words", T0)));
    registry().register(List.of(new RegisteredScope(scope, "New words", T0.plusSeconds(60))));
    assertThat(registry().registered().stream().filter(r -> r.scope().equals(scope)))
        .containsExactly(new RegisteredScope(scope, "New words", T0.plusSeconds(60)));
  }

  @Test
  void registeringNothingChangesNothing() {
    int before = registry().registered().size();
    registry().register(List.of());
    assertThat(registry().registered()).hasSize(before);
  }
}
