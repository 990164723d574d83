package dev.tokensmith.application.contract;

import static dev.tokensmith.application.contract.ContractFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tokensmith.application.port.out.TokenPolicyStore;
import dev.tokensmith.domain.account.Profile;
import dev.tokensmith.domain.policy.TokenPolicy;
import dev.tokensmith.domain.policy.TokenPolicy.ProfileGrant;
import dev.tokensmith.domain.policy.TokenPolicy.RetiringProfile;
import dev.tokensmith.domain.token.Scope;
import dev.tokensmith.domain.token.TokenRules;
import io.vavr.control.Option;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What every {@link TokenPolicyStore} must do. The store starts without a stored policy (its
 * subclass removes it after each test).
 */
public abstract class AbstractTokenPolicyStoreContractTest {
  protected abstract TokenPolicyStore policies();

  private static final TokenPolicy SEED =
      TokenPolicy.seed(Set.of(Profile.ADMINISTRATOR), new TokenRules(Option.none(), Duration.ZERO));

  private static TokenPolicy next(long version) {
    return new TokenPolicy(
        version,
        Option.some(90),
        true,
        Option.some(30),
        Option.some(T0),
        Duration.ofSeconds(60),
        List.of(
            new ProfileGrant(Profile.ADMINISTRATOR, Option.none()),
            new ProfileGrant(
                Profile.REST_SERVICES_USER, Option.some(Set.of(Scope.REST, Scope.EXPORT))),
            new ProfileGrant(Profile.DIRECTORY_READER, Option.some(Set.of()))),
        List.of(new RetiringProfile(Profile.DIRECTORY_MANAGER, T0.plusSeconds(3600))));
  }

  @Test
  void aSeedIsStoredOnceAndEveryFieldIsReadBack() {
    policies().seed(SEED);
    policies().seed(next(0));
    assertThat(policies().current()).isEqualTo(SEED);

    assertThat(policies().replace(0, next(1), T0, "admin")).isTrue();
    assertThat(policies().current()).isEqualTo(next(1));
  }

  @Test
  void aReplacementOfAnotherVersionIsRefused() {
    policies().seed(SEED);
    assertThat(policies().replace(0, next(1), T0, "admin")).isTrue();

    assertThat(policies().replace(0, next(1), T0, "late admin")).isFalse();
    assertThat(policies().current().version()).isEqualTo(1);
  }
}
