package dev.tokensmith.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokensmith.application.fake.InMemoryTokensmith;
import dev.tokensmith.application.port.in.CreatePersonalTokenCommand;
import dev.tokensmith.application.port.in.EditPersonalTokenCommand;
import dev.tokensmith.application.port.in.IssuedToken;
import dev.tokensmith.application.port.in.ListPersonalTokensQuery;
import dev.tokensmith.application.port.in.PageRequest;
import dev.tokensmith.application.port.in.TokenCommand;
import dev.tokensmith.application.port.in.TokenSummary;
import dev.tokensmith.application.port.in.UseCaseFailure;
import dev.tokensmith.application.port.in.UserFields;
import dev.tokensmith.application.port.out.AuditEvent;
import dev.tokensmith.domain.account.Profile;
import dev.tokensmith.domain.account.User;
import dev.tokensmith.domain.authentication.AuthenticationPolicy;
import dev.tokensmith.domain.token.PersonalToken;
import dev.tokensmith.domain.token.Scope;
import dev.tokensmith.domain.token.ScopeCatalog;
import dev.tokensmith.domain.token.TokenCodec;
import dev.tokensmith.domain.token.TokenKind;
import dev.tokensmith.domain.token.TokenRules;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The personal-token lifecycle of DESIGN §2 through the in-ports. */
class PersonalTokenServiceTest {
  private final InMemoryTokensmith world = new InMemoryTokensmith();
  private final User ada = world.user("ada", Profile.REST_SERVICES_USER);
  private final User bob = world.user("bob", Profile.REST_SERVICES_USER);
  private final User root = world.user("root", Profile.ADMINISTRATOR);

  private Either<UseCaseFailure, IssuedToken> create(
      User owner, String application, Set<String> scopes, Option<Instant> expiresAt) {
    return world.core.personalTokens.createPersonalToken(
        new CreatePersonalTokenCommand(owner, application, scopes, expiresAt));
  }

  private IssuedToken create(User owner) {
    return create(owner, "nightly export", Set.of("rest", "Export"), Option.none()).get();
  }

  @Test
  void creationReturnsTheValueOnceAndStoresOnlyADigest() {
    IssuedToken issued = create(ada);
    PersonalToken token = (PersonalToken) issued.summary().token();
    assertThat(issued.value().reveal()).startsWith("tksp_").hasSize(76);
    assertThat(token.application()).isEqualTo("nightly export");
    assertThat(token.scopes()).containsExactlyInAnyOrder(Scope.REST, Scope.EXPORT);
    assertThat(token.ownerLogin()).isEqualTo("ada");
    assertThat(token.credential().createdAt()).isEqualTo(InMemoryTokensmith.START);
    assertThat(world.tokens.find(token.id()).get().credential().digest().encoded())
        .doesNotContain(issued.value().reveal().substring(27, 70));
    assertThat(world.audit.recentFor("ada", 1).get(0).action())
        .isEqualTo(AuditEvent.Action.CREATED);
  }

  @Test
  void badInputIsNamed() {
    assertThat(field(create(ada, " ", Set.of("rest"), Option.none()))).isEqualTo("application");
    assertThat(field(create(ada, "x".repeat(256), Set.of("rest"), Option.none())))
        .isEqualTo("application");
    assertThat(field(create(ada, "ok", Set.of(), Option.none()))).isEqualTo("scopes");
    assertThat(field(create(ada, "ok", Set.of("root"), Option.none()))).isEqualTo("scopes");
    assertThat(field(create(ada, "ok", Set.of("rest"), Option.some(InMemoryTokensmith.START))))
        .isEqualTo("expiresAt");
  }

  @Test
  void theMaximumLifetimeIsEnforcedAndUsedAsDefault() {
    InMemoryTokensmith limited =
        new InMemoryTokensmith(
            new TokensmithCore.Settings(
                new TokenCodec("tks"),
                ScopeCatalog.standard(),
                new TokenRules(Option.some(Duration.ofDays(30)), Duration.ZERO),
                AuthenticationPolicy.DEFAULT));
    User carol = limited.user("carol", Profile.REST_SERVICES_USER);
    var tooLate =
        limited.core.personalTokens.createPersonalToken(
            new CreatePersonalTokenCommand(
                carol,
                "x",
                Set.of("rest"),
                Option.some(InMemoryTokensmith.START.plus(Duration.ofDays(31)))));
    assertThat(field(tooLate)).isEqualTo("expiresAt");
    var defaulted =
        limited.core.personalTokens.createPersonalToken(
            new CreatePersonalTokenCommand(carol, "x", Set.of("rest"), Option.none()));
    assertThat(defaulted.get().summary().token().expiresAt())
        .contains(InMemoryTokensmith.START.plus(Duration.ofDays(30)));
  }

  @Test
  void onlyUsersWithAPersonalTokenProfileMayCreate() {
    User reader = world.user("reader", Profile.DIRECTORY_READER);
    var refused = create(reader, "x", Set.of("rest"), Option.none());
    assertThat(refused.getLeft()).isInstanceOf(UseCaseFailure.Forbidden.class);
    assertThat(refused.getLeft().message()).contains("REST Services User");
    assertThat(world.core.accounts.viewMyAccount(reader).get().mayOwnPersonalTokens()).isFalse();
  }

  @Test
  void listingShowsOnlyMyTokensWithExpiryFlags() {
    create(
        ada,
        "soon",
        Set.of("rest"),
        Option.some(InMemoryTokensmith.START.plus(Duration.ofDays(3))));
    world.clock.advance(Duration.ofSeconds(1)); // the list is newest first
    create(
        ada,
        "later",
        Set.of("rest"),
        Option.some(InMemoryTokensmith.START.plus(Duration.ofDays(30))));
    create(bob);
    var mine = world.core.personalTokens.listMyPersonalTokens(ada, PageRequest.FIRST).get().items();
    assertThat(mine)
        .extracting(s -> ((PersonalToken) s.token()).application())
        .containsExactly("later", "soon");
    assertThat(mine).extracting(TokenSummary::expiresSoon).containsExactly(false, true);
    world.clock.advance(Duration.ofDays(4));
    var later =
        world.core.personalTokens.listMyPersonalTokens(ada, PageRequest.FIRST).get().items();
    assertThat(later).extracting(TokenSummary::expired).containsExactly(false, true);
  }

  @Test
  void editChangesSettingsButNotTheSecret() {
    IssuedToken issued = create(ada);
    var id = issued.summary().token().id();
    var digest = world.tokens.find(id).get().credential().digest();
    Instant expiry = InMemoryTokensmith.START.plus(Duration.ofDays(10));
    TokenSummary edited =
        world
            .core
            .personalTokens
            .editPersonalToken(
                new EditPersonalTokenCommand(
                    ada,
                    id,
                    Option.some("renamed"),
                    Option.some(Set.of("Import")),
                    Option.some(Option.some(expiry))))
            .get();
    assertThat(((PersonalToken) edited.token()).application()).isEqualTo("renamed");
    assertThat(edited.token().scopes()).containsExactly(Scope.IMPORT);
    assertThat(edited.token().expiresAt()).contains(expiry);
    assertThat(world.tokens.find(id).get().credential().digest()).isEqualTo(digest);
    var cleared =
        world.core.personalTokens.editPersonalToken(
            new EditPersonalTokenCommand(
                ada, id, Option.none(), Option.none(), Option.some(Option.none())));
    assertThat(cleared.get().token().expiresAt()).isEmpty();
    var bad =
        world.core.personalTokens.editPersonalToken(
            new EditPersonalTokenCommand(ada, id, Option.some(""), Option.none(), Option.none()));
    assertThat(field(bad)).isEqualTo("application");
  }

  @Test
  void someoneElsesTokenIsNotFoundButAnAdministratorReachesIt() {
    var id = create(ada).summary().token().id();
    var asBob = new TokenCommand(bob, TokenKind.PERSONAL, id);
    assertThat(world.core.tokens.viewToken(asBob).getLeft())
        .isInstanceOf(UseCaseFailure.NotFound.class);
    assertThat(world.core.tokens.refreshToken(asBob).getLeft())
        .isInstanceOf(UseCaseFailure.NotFound.class);
    assertThat(world.core.tokens.deleteToken(asBob).getLeft())
        .isInstanceOf(UseCaseFailure.NotFound.class);
    assertThat(
            world
                .core
                .personalTokens
                .editPersonalToken(
                    new EditPersonalTokenCommand(
                        bob, id, Option.some("mine"), Option.none(), Option.none()))
                .getLeft())
        .isInstanceOf(UseCaseFailure.NotFound.class);
    assertThat(
            world.core.tokens.viewToken(new TokenCommand(root, TokenKind.PERSONAL, id)).isRight())
        .isTrue();
    assertThat(
            world
                .core
                .tokens
                .viewToken(new TokenCommand(root, TokenKind.APPLICATION, id))
                .getLeft())
        .as("a personal token is not an application token")
        .isInstanceOf(UseCaseFailure.NotFound.class);
  }

  @Test
  void deleteRemovesTheTokenFromListsAndTheSecondDeleteIsNotFound() {
    var id = create(ada).summary().token().id();
    var command = new TokenCommand(ada, TokenKind.PERSONAL, id);
    assertThat(world.core.tokens.deleteToken(command).get()).isEqualTo(id);
    assertThat(world.core.personalTokens.listMyPersonalTokens(ada, PageRequest.FIRST).get().items())
        .isEmpty();
    assertThat(world.core.tokens.deleteToken(command).getLeft())
        .isInstanceOf(UseCaseFailure.NotFound.class);
  }

  @Test
  void refreshKeepsIdSettingsAndCountersAndRecordsTheTime() {
    IssuedToken issued = create(ada);
    var id = issued.summary().token().id();
    world.tokens.recordUse(id, InMemoryTokensmith.START, "192.0.2.1");
    world.clock.advance(Duration.ofMinutes(3));
    IssuedToken refreshed =
        world.core.tokens.refreshToken(new TokenCommand(ada, TokenKind.PERSONAL, id)).get();
    var token = world.tokens.find(id).get();
    assertThat(token.usage().useCount()).isEqualTo(1);
    assertThat(token.scopes()).isEqualTo(issued.summary().token().scopes());
    assertThat(token.credential().refreshedAt())
        .contains(InMemoryTokensmith.START.plus(Duration.ofMinutes(3)));
    assertThat(refreshed.value().reveal()).isNotEqualTo(issued.value().reveal());
    assertThat(refreshed.value().reveal().substring(5, 27)).isEqualTo(id.text());
  }

  @Test
  void administratorsListEveryonesTokensWithFilters() {
    create(
        ada, "a", Set.of("rest"), Option.some(InMemoryTokensmith.START.plus(Duration.ofDays(2))));
    create(
        bob, "b", Set.of("rest"), Option.some(InMemoryTokensmith.START.plus(Duration.ofDays(20))));
    var all =
        world.core.personalTokens.listPersonalTokens(
            new ListPersonalTokensQuery(
                root,
                Option.none(),
                Option.none(),
                Option.none(),
                false,
                Option.none(),
                Option.none(),
                PageRequest.FIRST));
    assertThat(all.get().items()).hasSize(2);
    var bobs =
        world.core.personalTokens.listPersonalTokens(
            new ListPersonalTokensQuery(
                root,
                Option.some("bob"),
                Option.none(),
                Option.none(),
                false,
                Option.none(),
                Option.none(),
                PageRequest.FIRST));
    assertThat(bobs.get().items())
        .extracting(s -> ((PersonalToken) s.token()).ownerLogin())
        .containsExactly("bob");
    var expiring =
        world.core.personalTokens.listPersonalTokens(
            new ListPersonalTokensQuery(
                root,
                Option.none(),
                Option.none(),
                Option.none(),
                false,
                Option.some(7),
                Option.none(),
                PageRequest.FIRST));
    assertThat(expiring.get().items())
        .extracting(s -> ((PersonalToken) s.token()).application())
        .containsExactly("a");
    world.clock.advance(Duration.ofDays(3));
    var expired =
        world.core.personalTokens.listPersonalTokens(
            new ListPersonalTokensQuery(
                root,
                Option.none(),
                Option.none(),
                Option.none(),
                true,
                Option.none(),
                Option.none(),
                PageRequest.FIRST));
    assertThat(expired.get().items())
        .extracting(s -> ((PersonalToken) s.token()).application())
        .containsExactly("a");
    assertThat(
            world
                .core
                .personalTokens
                .listPersonalTokens(
                    new ListPersonalTokensQuery(
                        ada,
                        Option.none(),
                        Option.none(),
                        Option.none(),
                        false,
                        Option.none(),
                        Option.none(),
                        PageRequest.FIRST))
                .getLeft())
        .isInstanceOf(UseCaseFailure.Forbidden.class);
  }

  @Test
  void deletingAUserDeletesItsPersonalTokensLeavingTombstones() {
    IssuedToken issued = create(ada);
    assertThat(world.core.users.deleteUser(root, "ada").get()).isEqualTo("ada");
    assertThat(world.tokens.find(issued.summary().token().id())).isEmpty();
    assertThat(
            world
                .core
                .authentication
                .authenticate(
                    new dev.tokensmith.application.port.in.AuthenticateCommand(
                        java.util.List.of(issued.value().reveal()), Scope.REST, "x", "192.0.2.1"))
                .getLeft()
                .reason())
        .isEqualTo(dev.tokensmith.domain.authentication.FailureReason.TOKEN_DELETED);
    assertThat(world.core.users.viewUser(root, "ada").getLeft())
        .isInstanceOf(UseCaseFailure.NotFound.class);
  }

  @Test
  void theOwnerActingThroughAPersonalTokenHasTheirWholeAccountAndOnlyTheirTokens() {
    IssuedToken issued = create(ada);
    create(bob);
    var principal =
        world
            .core
            .authentication
            .authenticate(
                new dev.tokensmith.application.port.in.AuthenticateCommand(
                    java.util.List.of(issued.value().reveal()), Scope.REST, "x", "192.0.2.1"))
            .get()
            .principal();

    // authentication reads only what it decides on; the account pages read the rest
    assertThat(principal).isEqualTo(ada.asTokenOwner());
    assertThat(world.core.accounts.viewMyAccount(principal).get().user()).isEqualTo(ada);
    assertThat(
            world
                .core
                .personalTokens
                .listMyPersonalTokens(principal, PageRequest.FIRST)
                .get()
                .items())
        .extracting(summary -> summary.token().id())
        .containsExactly(issued.summary().token().id());
    assertThat(
            world
                .core
                .personalTokens
                .createPersonalToken(
                    new CreatePersonalTokenCommand(
                        principal, "from a script", Set.of("rest"), Option.none()))
                .get()
                .summary()
                .token())
        .isInstanceOfSatisfying(
            PersonalToken.class, token -> assertThat(token.ownerLogin()).isEqualTo("ada"));
  }

  @Test
  void anApplicationTokenPrincipalHasNoPersonalTokens() {
    var app =
        world
            .core
            .applicationTokens
            .createApplicationToken(
                new dev.tokensmith.application.port.in.CreateApplicationTokenCommand(
                    root, "svc", "My Company", Set.of(), Set.of("rest"), Option.none()))
            .get();
    var principal = (dev.tokensmith.domain.token.ApplicationToken) app.summary().token();
    assertThat(
            world.core.personalTokens.listMyPersonalTokens(principal, PageRequest.FIRST).getLeft())
        .isInstanceOf(UseCaseFailure.Forbidden.class);
    assertThat(world.core.accounts.viewMyAccount(principal).getLeft())
        .isInstanceOf(UseCaseFailure.Forbidden.class);
  }

  static String field(Either<UseCaseFailure, ?> result) {
    assertThat(result.isLeft()).as("expected a failure, got %s", result).isTrue();
    assertThat(result.getLeft()).isInstanceOf(UseCaseFailure.InvalidInput.class);
    return ((UseCaseFailure.InvalidInput) result.getLeft()).field();
  }

  static UserFields fields(
      String password,
      String status,
      String organization,
      Set<String> profiles,
      String firstName,
      String name,
      String email) {
    return new UserFields(
        Option.of(password),
        Option.of(status),
        Option.of(organization),
        Option.of(profiles),
        Option.of(firstName),
        Option.of(name),
        Option.of(email));
  }
}
