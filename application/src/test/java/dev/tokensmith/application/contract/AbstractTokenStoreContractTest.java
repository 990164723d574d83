package dev.tokensmith.application.contract;

import static dev.tokensmith.application.contract.ContractFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokensmith.application.port.out.AccountDirectory;
import dev.tokensmith.application.port.out.AlreadyTaken;
import dev.tokensmith.application.port.out.TokenLookup;
import dev.tokensmith.application.port.out.TokenStore;
import dev.tokensmith.application.port.out.UsageRecorder;
import dev.tokensmith.domain.account.Profile;
import dev.tokensmith.domain.account.Status;
import dev.tokensmith.domain.account.User;
import dev.tokensmith.domain.token.ApplicationToken;
import dev.tokensmith.domain.token.PersonalToken;
import dev.tokensmith.domain.token.Scope;
import dev.tokensmith.domain.token.SecretDigest;
import dev.tokensmith.domain.token.Token;
import dev.tokensmith.domain.token.Tombstone;
import dev.tokensmith.domain.token.Usage;
import io.vavr.control.Option;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link TokenStore} (with its {@link UsageRecorder}) must do. */
public abstract class AbstractTokenStoreContractTest {
  protected abstract AccountDirectory accounts();

  protected abstract TokenStore tokens();

  protected abstract UsageRecorder usage();

  private User owner;

  @BeforeEach
  void createOwner() {
    owner = ContractFixtures.user(accounts(), Profile.REST_SERVICES_USER);
  }

  @Test
  void addedPersonalTokenIsFoundAsStored() {
    PersonalToken token = ContractFixtures.personalToken(owner);
    tokens().add(token);
    assertThat(tokens().find(token.id())).contains(token);
  }

  @Test
  void addedApplicationTokenIsFoundAsStoredAndByLogin() {
    ApplicationToken token = ContractFixtures.applicationToken(owner.organization());
    tokens().add(token);
    assertThat(tokens().find(token.id())).contains(token);
    assertThat(tokens().applicationTokenByLogin(token.login())).contains(token);
    assertThat(tokens().applicationTokens()).contains(token);
  }

  @Test
  void lookupOfAPersonalTokenGivesItsOwnerAsPrincipal() {
    PersonalToken token = ContractFixtures.personalToken(owner);
    tokens().add(token);
    TokenLookup lookup = tokens().lookup(token.id());
    assertThat(lookup).isEqualTo(new TokenLookup.Found(token, owner.asTokenOwner()));
  }

  @Test
  void lookupOfAnApplicationTokenGivesTheTokenAsPrincipal() {
    ApplicationToken token = ContractFixtures.applicationToken(owner.organization());
    tokens().add(token);
    assertThat(tokens().lookup(token.id())).isEqualTo(new TokenLookup.Found(token, token));
  }

  @Test
  void lookupSeesTheOwnersCurrentStatusAndProfiles() {
    PersonalToken token = ContractFixtures.personalToken(owner);
    tokens().add(token);
    User changed = owner.withStatus(Status.DISABLED).withProfiles(Set.of(Profile.DIRECTORY_READER));
    accounts().updateUser(changed);
    TokenLookup.Found found = (TokenLookup.Found) tokens().lookup(token.id());
    assertThat(found.principal().status()).isEqualTo(Status.DISABLED);
    assertThat(found.principal().profiles()).containsExactly(Profile.DIRECTORY_READER);
  }

  @Test
  void lookupOfANeverSeenIdIsUnknown() {
    var id = ContractFixtures.randomId();
    assertThat(tokens().lookup(id)).isEqualTo(new TokenLookup.Unknown(id));
    assertThat(tokens().find(id)).isEmpty();
  }

  @Test
  void deleteLeavesATombstone() {
    PersonalToken token = ContractFixtures.personalToken(owner);
    tokens().add(token);
    var at = T0.plusSeconds(60);
    Option<Tombstone> tombstone = tokens().delete(token.id(), at, Tombstone.Cause.REVOKED);
    assertThat(tombstone).contains(new Tombstone(token.id(), at, Tombstone.Cause.REVOKED));
    assertThat(tokens().lookup(token.id())).isEqualTo(new TokenLookup.Deleted(tombstone.get()));
    assertThat(tokens().find(token.id())).isEmpty();
    assertThat(tokens().personalTokensOf(owner.id())).isEmpty();
  }

  @Test
  void deletingAnUnknownTokenDoesNothing() {
    assertThat(tokens().delete(ContractFixtures.randomId(), T0, Tombstone.Cause.DELETED)).isEmpty();
  }

  @Test
  void updateReplacesSettingsAndDigestButKeepsUsage() {
    PersonalToken token = ContractFixtures.personalToken(owner);
    tokens().add(token);
    usage().recordUse(token.id(), T0.plusSeconds(5), "192.0.2.7");
    PersonalToken edited =
        token
            .withApplication("renamed")
            .withCredential(
                token
                    .credential()
                    .withSettings(Set.of(Scope.IMPORT), Option.none())
                    .refreshed(ContractFixtures.digest("next"), T0.plusSeconds(10)));
    assertThat(tokens().update(edited, token.credential().digest()))
        .isEqualTo(TokenStore.UpdateOutcome.UPDATED);
    Token stored = tokens().find(token.id()).get();
    assertThat(stored)
        .isEqualTo(
            edited.withCredential(
                edited
                    .credential()
                    .withUsage(
                        new Usage(1, Option.some(T0.plusSeconds(5)), Option.some("192.0.2.7")))));
    assertThat(stored.credential().lastRefresh().get().previousDigest())
        .isEqualTo(ContractFixtures.digest("current"));
  }

  @Test
  void updateOfADeletedTokenReportsIt() {
    PersonalToken token = ContractFixtures.personalToken(owner);
    tokens().add(token);
    tokens().delete(token.id(), T0, Tombstone.Cause.DELETED);
    assertThat(tokens().update(token.withApplication("late"), token.credential().digest()))
        .isEqualTo(TokenStore.UpdateOutcome.NOT_FOUND);
  }

  @Test
  void aSecondApplicationTokenWithATakenLoginIsAlreadyTaken() {
    ApplicationToken first = ContractFixtures.applicationToken(owner.organization());
    tokens().add(first);
    ApplicationToken sameLogin =
        new ApplicationToken(
            ContractFixtures.applicationToken(owner.organization()).credential(),
            first.login(),
            first.status(),
            first.organization(),
            first.profiles());
    assertThatThrownBy(() -> tokens().add(sameLogin)).isInstanceOf(AlreadyTaken.class);
    assertThat(tokens().find(sameLogin.id())).isEmpty();
  }

  @Test
  void anUpdateFromAReadThatARefreshOvertookChangesNothing() {
    PersonalToken token = ContractFixtures.personalToken(owner);
    tokens().add(token);
    SecretDigest read = token.credential().digest();
    PersonalToken first =
        token.withCredential(
            token.credential().refreshed(ContractFixtures.digest("first"), T0.plusSeconds(1)));
    PersonalToken second =
        token.withCredential(
            token.credential().refreshed(ContractFixtures.digest("second"), T0.plusSeconds(2)));

    assertThat(tokens().update(first, read)).isEqualTo(TokenStore.UpdateOutcome.UPDATED);
    assertThat(tokens().update(second, read)).isEqualTo(TokenStore.UpdateOutcome.CHANGED_MEANWHILE);
    assertThat(tokens().update(token.withApplication("stale edit"), read))
        .isEqualTo(TokenStore.UpdateOutcome.CHANGED_MEANWHILE);
    assertThat(tokens().find(token.id())).contains(first);
  }

  @Test
  void applicationTokenPrincipalFieldsAreUpdated() {
    ApplicationToken token = ContractFixtures.applicationToken(owner.organization());
    tokens().add(token);
    ApplicationToken edited =
        token.withPrincipal(Status.DISABLED, owner.organization(), Set.of(Profile.ADMINISTRATOR));
    assertThat(tokens().update(edited, token.credential().digest()))
        .isEqualTo(TokenStore.UpdateOutcome.UPDATED);
    assertThat(tokens().find(token.id())).contains(edited);
  }

  @Test
  void personalTokensAreListedPerOwnerOldestFirst() {
    User other = ContractFixtures.user(accounts(), Profile.ADMINISTRATOR);
    PersonalToken first = ContractFixtures.personalToken(owner);
    PersonalToken second =
        new PersonalToken(
            new dev.tokensmith.domain.token.Credential(
                ContractFixtures.randomId(),
                Set.of(Scope.REST),
                ContractFixtures.digest("second"),
                T0.plusSeconds(1),
                Option.none(),
                Usage.NEVER,
                Option.none()),
            owner.id(),
            owner.login(),
            "second");
    PersonalToken others = ContractFixtures.personalToken(other);
    tokens().add(second);
    tokens().add(first);
    tokens().add(others);
    assertThat(tokens().personalTokensOf(owner.id())).containsExactly(first, second);
    assertThat(tokens().personalTokens()).contains(first, second, others);
  }

  @Test
  void deletingAUsersTokensLeavesTombstonesForEach() {
    PersonalToken first = ContractFixtures.personalToken(owner);
    PersonalToken second = ContractFixtures.personalToken(owner);
    tokens().add(first);
    tokens().add(second);
    List<Tombstone> tombstones = tokens().deletePersonalTokensOf(owner.id(), T0);
    assertThat(tombstones)
        .extracting(Tombstone::id)
        .containsExactlyInAnyOrder(first.id(), second.id());
    assertThat(tokens().lookup(first.id())).isInstanceOf(TokenLookup.Deleted.class);
    assertThat(tokens().personalTokensOf(owner.id())).isEmpty();
  }

  @Test
  void usageIsCountedWithLastTimeAndAddress() {
    PersonalToken token = ContractFixtures.personalToken(owner);
    tokens().add(token);
    usage().recordUse(token.id(), T0.plusSeconds(1), "192.0.2.1");
    usage().recordUse(token.id(), T0.plusSeconds(2), "2001:db8::1");
    assertThat(tokens().find(token.id()).get().usage())
        .isEqualTo(new Usage(2, Option.some(T0.plusSeconds(2)), Option.some("2001:db8::1")));
  }

  @Test
  void concurrentUsesAreCountedExactly() throws Exception {
    PersonalToken token = ContractFixtures.personalToken(owner);
    tokens().add(token);
    int threads = 8;
    int usesPerThread = 500;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        done.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < usesPerThread; i++) {
                    usage().recordUse(token.id(), T0.plus(Duration.ofMillis(i)), "192.0.2.9");
                  }
                }));
      }
      for (Future<?> future : done) {
        future.get();
      }
    } finally {
      pool.shutdown();
    }
    assertThat(tokens().find(token.id()).get().usage().useCount()).isEqualTo(4000);
  }
}
