package dev.tokensmith.application.contract;

import static dev.tokensmith.application.contract.ContractFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokensmith.application.port.out.AccountDirectory;
import dev.tokensmith.application.port.out.AlreadyTaken;
import dev.tokensmith.application.port.out.Counted;
import dev.tokensmith.application.port.out.PersonalTokenFilter;
import dev.tokensmith.application.port.out.TokenLookup;
import dev.tokensmith.application.port.out.TokenPosition;
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
import java.time.Instant;
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
    assertThat(allApplicationTokens()).contains(token);
  }

  @Test
  void lookupOfAPersonalTokenGivesItsOwnerAsPrincipal() {
    PersonalToken token = ContractFixtures.personalToken(owner);
    tokens().add(token);
    TokenLookup.Found found = (TokenLookup.Found) tokens().lookup(token.id());
    assertThat(found.token()).isEqualTo(token);
    assertThat(found.principal()).isEqualTo(owner.asTokenOwner());
  }

  @Test
  void lookupOfAnApplicationTokenGivesTheTokenAsPrincipal() {
    ApplicationToken token = ContractFixtures.applicationToken(owner.organization());
    tokens().add(token);
    TokenLookup.Found found = (TokenLookup.Found) tokens().lookup(token.id());
    assertThat(found.token()).isEqualTo(token);
    assertThat(found.principal()).isEqualTo(token);
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
    assertThat(tokensOf(owner)).isEmpty();
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
    assertThat(tokensOf(owner)).containsExactly(second, first);
    assertThat(tokensOf(other)).containsExactly(others);
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
    assertThat(tokensOf(owner)).isEmpty();
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

  /** Every page of a user's tokens, walked {@code size} at a time. */
  private List<PersonalToken> tokensOf(User user) {
    return walk(PersonalTokenFilter.ownedBy(user.id()), 1000, () -> {});
  }

  private List<PersonalToken> walk(PersonalTokenFilter filter, int size, Runnable betweenPages) {
    List<PersonalToken> seen = new ArrayList<>();
    Option<TokenPosition> after = Option.none();
    while (true) {
      List<PersonalToken> page = tokens().personalTokens(filter, after, size);
      assertThat(page.size()).isLessThanOrEqualTo(size);
      seen.addAll(page);
      if (page.size() < size) {
        return seen;
      }
      after = Option.some(position(page.get(page.size() - 1)));
      betweenPages.run();
    }
  }

  private List<ApplicationToken> allApplicationTokens() {
    List<ApplicationToken> seen = new ArrayList<>();
    Option<TokenPosition> after = Option.none();
    while (true) {
      List<ApplicationToken> page = tokens().applicationTokens(after, 2);
      seen.addAll(page);
      if (page.size() < 2) {
        return seen;
      }
      after = Option.some(position(page.get(page.size() - 1)));
    }
  }

  private static TokenPosition position(Token token) {
    return new TokenPosition(token.credential().createdAt(), token.id());
  }

  private PersonalToken token(
      User user,
      String application,
      Set<Scope> scopes,
      Instant createdAt,
      Option<Instant> expiresAt,
      Usage usage) {
    return new PersonalToken(
        new dev.tokensmith.domain.token.Credential(
            ContractFixtures.randomId(),
            scopes,
            ContractFixtures.digest(application),
            createdAt,
            expiresAt,
            usage,
            Option.none()),
        user.id(),
        user.login(),
        application);
  }

  private PersonalToken tokenAt(User user, Instant createdAt) {
    return token(user, "paged", Set.of(Scope.REST), createdAt, Option.none(), Usage.NEVER);
  }

  @Test
  void pagesWalkAUsersTokensNewestFirstWithoutDuplicateOrGapWhileTokensComeAndGo() {
    List<PersonalToken> existing = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      // pairs share a creation time: the id breaks the tie
      PersonalToken token = tokenAt(owner, T0.plusSeconds(i / 2));
      tokens().add(token);
      existing.add(token);
    }
    List<PersonalToken> added = new ArrayList<>();
    List<PersonalToken> deleted = new ArrayList<>();
    int[] page = {0};
    List<PersonalToken> seen =
        walk(
            PersonalTokenFilter.ownedBy(owner.id()),
            7,
            () -> {
              page[0]++;
              if (page[0] <= 3) {
                // between pages: one of the oldest tokens is deleted before the walk reaches it,
                // one of the newest (on the first page) after the walk saw it
                for (PersonalToken gone :
                    List.of(existing.get(page[0] - 1), existing.get(30 - page[0]))) {
                  tokens().delete(gone.id(), T0, Tombstone.Cause.DELETED);
                  deleted.add(gone);
                }
              }
              // and new tokens arrive, behind the position reached (newer) and ahead (older)
              PersonalToken early = tokenAt(owner, T0.minusSeconds(page[0]));
              PersonalToken late = tokenAt(owner, T0.plusSeconds(100 + page[0]));
              tokens().add(early);
              tokens().add(late);
              added.add(early);
              added.add(late);
            });

    assertThat(seen).doesNotHaveDuplicates();
    assertThat(seen)
        .isSortedAccordingTo(
            java.util.Comparator.<PersonalToken, Instant>comparing(t -> t.credential().createdAt())
                .thenComparing(Token::id, TokenPosition::compareIds)
                .reversed());
    List<PersonalToken> throughout = new ArrayList<>(existing);
    throughout.removeAll(deleted);
    assertThat(seen).containsAll(throughout);
    // deleted before the walk reached them
    assertThat(seen).doesNotContain(existing.get(0), existing.get(1), existing.get(2));
    // seen before they were deleted
    assertThat(seen).contains(existing.get(29), existing.get(28), existing.get(27));
    assertThat(seen)
        .containsAll(added.stream().filter(t -> t.credential().createdAt().isBefore(T0)).toList());
    assertThat(seen)
        .doesNotContainAnyElementsOf(
            added.stream()
                .filter(t -> t.credential().createdAt().isAfter(T0.plusSeconds(99)))
                .toList());
  }

  @Test
  void aPageStartsStrictlyAfterItsPositionEvenWhenThatTokenIsGone() {
    PersonalToken newer = tokenAt(owner, T0.plusSeconds(1));
    PersonalToken older = tokenAt(owner, T0);
    tokens().add(newer);
    tokens().add(older);
    tokens().delete(newer.id(), T0, Tombstone.Cause.DELETED);
    assertThat(
            tokens()
                .personalTokens(
                    PersonalTokenFilter.ownedBy(owner.id()), Option.some(position(newer)), 10))
        .containsExactly(older);
  }

  @Test
  void filtersSelectByApplicationTextScopeExpiryAndDisuse() {
    Instant now = T0.plus(Duration.ofDays(100));
    PersonalToken backup =
        token(owner, "Nightly BACKUP job", Set.of(Scope.REST), T0, Option.none(), Usage.NEVER);
    PersonalToken expired =
        token(
            owner,
            "old collector",
            Set.of(Scope.SYNCHRO),
            T0.plusSeconds(1),
            Option.some(now.minusSeconds(1)),
            new Usage(3, Option.some(now.minus(Duration.ofDays(1))), Option.some("192.0.2.1")));
    PersonalToken expiring =
        token(
            owner,
            "export",
            Set.of(Scope.EXPORT, Scope.REST),
            T0.plusSeconds(2),
            Option.some(now.plus(Duration.ofDays(3))),
            new Usage(1, Option.some(now.minus(Duration.ofDays(40))), Option.some("192.0.2.1")));
    PersonalToken later =
        token(
            owner,
            "import",
            Set.of(Scope.IMPORT),
            now.minus(Duration.ofDays(2)),
            Option.some(now.plus(Duration.ofDays(30))),
            Usage.NEVER);
    for (PersonalToken t : List.of(backup, expired, expiring, later)) {
      tokens().add(t);
    }
    PersonalTokenFilter mine = PersonalTokenFilter.ownedBy(owner.id());
    Option<Instant> none = Option.none();

    assertThat(
            walk(
                new PersonalTokenFilter(
                    mine.owner(), Option.some("backup"), Option.none(), none, none, none, none),
                10,
                () -> {}))
        .containsExactly(backup);
    assertThat(
            walk(
                new PersonalTokenFilter(
                    mine.owner(), Option.none(), Option.some("rest"), none, none, none, none),
                10,
                () -> {}))
        .containsExactly(expiring, backup);
    assertThat(
            walk(
                new PersonalTokenFilter(
                    mine.owner(), Option.none(), Option.none(), Option.some(now), none, none, none),
                10,
                () -> {}))
        .containsExactly(expired);
    assertThat(
            walk(
                new PersonalTokenFilter(
                    mine.owner(),
                    Option.none(),
                    Option.none(),
                    none,
                    Option.some(now),
                    Option.some(now.plus(Duration.ofDays(7))),
                    none),
                10,
                () -> {}))
        .containsExactly(expiring);
    assertThat(
            walk(
                new PersonalTokenFilter(
                    mine.owner(),
                    Option.none(),
                    Option.none(),
                    none,
                    none,
                    none,
                    Option.some(now.minus(Duration.ofDays(30)))),
                10,
                () -> {}))
        .containsExactly(expiring, backup);
    assertThat(tokens().countPersonalTokens(mine, 10)).isEqualTo(new Counted(4, true));
    assertThat(
            tokens()
                .countPersonalTokens(
                    new PersonalTokenFilter(
                        mine.owner(), Option.none(), Option.some("rest"), none, none, none, none),
                    10))
        .isEqualTo(new Counted(2, true));
  }

  @Test
  void aCountOverMoreTokensThanItMayCountExactlyIsAnEstimate() {
    for (int i = 0; i < 5; i++) {
      tokens().add(tokenAt(owner, T0.plusSeconds(i)));
    }
    assertThat(tokens().countPersonalTokens(PersonalTokenFilter.ownedBy(owner.id()), 5))
        .isEqualTo(new Counted(5, true));
    Counted estimate = tokens().countPersonalTokens(PersonalTokenFilter.ownedBy(owner.id()), 4);
    assertThat(estimate.exact()).isFalse();
    assertThat(estimate.value()).isGreaterThanOrEqualTo(4);
  }

  @Test
  void applicationTokensArePagedOldestFirst() {
    ApplicationToken token = ContractFixtures.applicationToken(owner.organization());
    tokens().add(token);
    List<ApplicationToken> all = allApplicationTokens();
    assertThat(all).contains(token).doesNotHaveDuplicates();
    assertThat(tokens().countApplicationTokens(10_000).value()).isEqualTo(all.size());
  }

  /** Every policy subject, all pages (the store may hold other tests' tokens). */
  private java.util.List<dev.tokensmith.application.port.out.PolicySubject> allPolicySubjects() {
    java.util.List<dev.tokensmith.application.port.out.PolicySubject> all =
        new java.util.ArrayList<>();
    Option<dev.tokensmith.application.port.out.TokenPosition> after = Option.none();
    while (true) {
      var page = tokens().policySubjects(after, 500);
      all.addAll(page);
      if (page.size() < 500) {
        return all;
      }
      var last = page.get(page.size() - 1).token();
      after =
          Option.some(
              new dev.tokensmith.application.port.out.TokenPosition(
                  last.credential().createdAt(), last.id()));
    }
  }

  @Test
  void policySubjectsAreEveryTokenWithItsOwnersProfiles() {
    PersonalToken personal = ContractFixtures.personalToken(owner);
    ApplicationToken application = ContractFixtures.applicationToken(owner.organization());
    tokens().add(personal);
    tokens().add(application);

    var subjects = allPolicySubjects();

    assertThat(subjects)
        .filteredOn(s -> s.token().id().equals(personal.id()))
        .singleElement()
        .satisfies(s -> assertThat(s.ownerProfiles()).contains(Set.of(Profile.REST_SERVICES_USER)));
    assertThat(subjects)
        .filteredOn(s -> s.token().id().equals(application.id()))
        .singleElement()
        .satisfies(s -> assertThat(s.ownerProfiles()).isEmpty());
  }

  @Test
  void aPolicyDeadlineIsSetAndClearedAndKeptByUpdates() {
    PersonalToken token = ContractFixtures.personalToken(owner);
    tokens().add(token);
    var deadline = T0.plus(java.time.Duration.ofDays(30));

    tokens().setPolicyDeadline(java.util.List.of(token.id()), Option.some(deadline));
    assertThat(tokens().find(token.id()).get().credential().policyDeadline()).contains(deadline);
    TokenLookup.Found found = (TokenLookup.Found) tokens().lookup(token.id());
    assertThat(found.token().credential().policyDeadline()).contains(deadline);

    tokens().setPolicyDeadline(java.util.List.of(token.id()), Option.none());
    assertThat(tokens().find(token.id()).get().credential().policyDeadline()).isEmpty();
  }

  @Test
  void anUpdateFromAnEarlierReadKeepsAPolicyDeadlineSetMeanwhile() {
    PersonalToken token = ContractFixtures.personalToken(owner);
    tokens().add(token);
    var deadline = T0.plus(java.time.Duration.ofDays(30));
    tokens().setPolicyDeadline(java.util.List.of(token.id()), Option.some(deadline));

    PersonalToken edited = token.withApplication("renamed from an earlier read");
    assertThat(tokens().update(edited, token.credential().digest()))
        .isEqualTo(TokenStore.UpdateOutcome.UPDATED);

    assertThat(tokens().find(token.id()).get().credential().policyDeadline()).contains(deadline);
  }
}
