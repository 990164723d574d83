package dev.tokensmith.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokensmith.application.fake.InMemoryTokensmith;
import dev.tokensmith.application.port.in.AuthenticateCommand;
import dev.tokensmith.application.port.in.CreatePersonalTokenCommand;
import dev.tokensmith.application.port.in.IssuedToken;
import dev.tokensmith.application.port.in.RevokeTokenCommand;
import dev.tokensmith.application.port.in.TokenCommand;
import dev.tokensmith.application.port.in.UserFields;
import dev.tokensmith.domain.account.Profile;
import dev.tokensmith.domain.account.User;
import dev.tokensmith.domain.authentication.AuthenticatedPrincipal;
import dev.tokensmith.domain.authentication.AuthenticationFailure;
import dev.tokensmith.domain.authentication.FailureReason;
import dev.tokensmith.domain.authentication.RecordedFailure;
import dev.tokensmith.domain.token.ParsedToken;
import dev.tokensmith.domain.token.Scope;
import dev.tokensmith.domain.token.TokenCodec;
import dev.tokensmith.domain.token.TokenKind;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every failure reason of DESIGN §2, reached through {@code AuthenticateUseCase}. */
class AuthenticationServiceTest {
  private final InMemoryTokensmith world = new InMemoryTokensmith();
  private final User ada = world.user("ada", Profile.REST_SERVICES_USER);
  private final User root = world.user("root", Profile.ADMINISTRATOR, Profile.REST_SERVICES_USER);

  private IssuedToken create(User owner, Option<Instant> expiresAt, String... scopes) {
    return world
        .core
        .personalTokens
        .createPersonalToken(
            new CreatePersonalTokenCommand(owner, "script", Set.of(scopes), expiresAt))
        .get();
  }

  private Either<AuthenticationFailure, AuthenticatedPrincipal> authenticate(
      List<String> values, Scope required) {
    return world.core.authentication.authenticate(
        new AuthenticateCommand(values, required, "GET /api/v1/tokens/self", "192.0.2.4"));
  }

  private Either<AuthenticationFailure, AuthenticatedPrincipal> authenticate(String value) {
    return authenticate(List.of(value), Scope.REST);
  }

  private FailureReason reason(Either<AuthenticationFailure, AuthenticatedPrincipal> result) {
    return result.getLeft().reason();
  }

  @Test
  void aValidTokenAuthenticatesAsItsOwnerAndCountsTheUse() {
    IssuedToken issued = create(ada, Option.none(), "rest");
    AuthenticatedPrincipal authenticated = authenticate(issued.value().reveal()).get();
    assertThat(authenticated.principal().login()).isEqualTo("ada");
    assertThat(authenticated.token().usage().useCount()).isEqualTo(1);
    authenticate(issued.value().reveal());
    var stored = world.tokens.find(issued.summary().token().id()).get().usage();
    assertThat(stored.useCount()).isEqualTo(2);
    assertThat(stored.lastUsedIp()).contains("192.0.2.4");
    assertThat(stored.lastUsedAt()).contains(InMemoryTokensmith.START);
  }

  @Test
  void noTokenIsMissingCredentials() {
    assertThat(reason(authenticate(List.of(), Scope.REST)))
        .isEqualTo(FailureReason.MISSING_CREDENTIALS);
  }

  @Test
  void twoDifferentTokensAreAmbiguousButTheSameOneTwiceIsFine() {
    String one = create(ada, Option.none(), "rest").value().reveal();
    String two = create(ada, Option.none(), "rest").value().reveal();
    assertThat(reason(authenticate(List.of(one, two), Scope.REST)))
        .isEqualTo(FailureReason.AMBIGUOUS_CREDENTIALS);
    assertThat(authenticate(List.of(one, one), Scope.REST).isRight()).isTrue();
  }

  @Test
  void garbageIsMalformed() {
    assertThat(reason(authenticate("not a token"))).isEqualTo(FailureReason.MALFORMED_TOKEN);
  }

  @Test
  void aWellFormedValueOfNoTokenIsUnknown() {
    String value = create(ada, Option.none(), "rest").value().reveal();
    InMemoryTokensmith elsewhere = new InMemoryTokensmith();
    var result =
        elsewhere.core.authentication.authenticate(
            new AuthenticateCommand(List.of(value), Scope.REST, "x", "192.0.2.4"));
    assertThat(result.getLeft().reason()).isEqualTo(FailureReason.UNKNOWN_TOKEN);
  }

  @Test
  void aDeletedTokenIsReportedAsDeletedWithItsTime() {
    IssuedToken issued = create(ada, Option.none(), "rest");
    world.clock.advance(Duration.ofMinutes(5));
    world.core.tokens.deleteToken(
        new TokenCommand(ada, TokenKind.PERSONAL, issued.summary().token().id()));
    var failure = authenticate(issued.value().reveal()).getLeft();
    assertThat(failure)
        .isEqualTo(
            new AuthenticationFailure.TokenDeleted(
                issued.summary().token().id(),
                InMemoryTokensmith.START.plus(Duration.ofMinutes(5))));
  }

  @Test
  void theOldValueAfterARefreshIsReportedAsRefreshedAndTheNewOneWorks() {
    IssuedToken issued = create(ada, Option.none(), "rest");
    authenticate(issued.value().reveal());
    world.clock.advance(Duration.ofHours(1));
    IssuedToken refreshed =
        world
            .core
            .tokens
            .refreshToken(new TokenCommand(ada, TokenKind.PERSONAL, issued.summary().token().id()))
            .get();
    assertThat(refreshed.summary().token().id()).isEqualTo(issued.summary().token().id());
    assertThat(refreshed.value()).isNotEqualTo(issued.value());
    assertThat(authenticate(issued.value().reveal()).getLeft())
        .isEqualTo(
            new AuthenticationFailure.TokenRefreshed(
                issued.summary().token().id(), InMemoryTokensmith.START.plus(Duration.ofHours(1))));
    AuthenticatedPrincipal ok = authenticate(refreshed.value().reveal()).get();
    assertThat(ok.token().usage().useCount()).as("counters are kept").isEqualTo(2);
  }

  @Test
  void aChangedSecretIsWrong() {
    TokenCodec codec = new TokenCodec("tks");
    ParsedToken mine = codec.parse(create(ada, Option.none(), "rest").value().reveal()).get();
    ParsedToken theirs = codec.parse(create(ada, Option.none(), "rest").value().reveal()).get();
    // my token's id with another secret, re-formatted so the checksum is valid
    String forged = codec.format(TokenKind.PERSONAL, mine.id(), theirs.secret()).reveal();
    assertThat(authenticate(forged).getLeft())
        .isEqualTo(new AuthenticationFailure.WrongSecret(mine.id()));
  }

  @Test
  void anExpiredTokenIsRefusedWithItsExpiry() {
    Instant expiry = InMemoryTokensmith.START.plus(Duration.ofDays(1));
    IssuedToken issued = create(ada, Option.some(expiry), "rest");
    world.clock.set(expiry);
    assertThat(authenticate(issued.value().reveal()).getLeft())
        .isEqualTo(new AuthenticationFailure.TokenExpired(issued.summary().token().id(), expiry));
  }

  @Test
  void aDisabledOwnerIsRefused() {
    IssuedToken issued = create(ada, Option.none(), "rest");
    world.core.users.editUser(root, "ada", withStatus("disabled"));
    assertThat(reason(authenticate(issued.value().reveal())))
        .isEqualTo(FailureReason.PRINCIPAL_DISABLED);
  }

  @Test
  void anOwnerWhoLostTheProfileIsRefusedAtTheNextCall() {
    IssuedToken issued = create(ada, Option.none(), "rest");
    assertThat(authenticate(issued.value().reveal()).isRight()).isTrue();
    world.core.users.editUser(
        root,
        "ada",
        new UserFields(
            Option.none(),
            Option.none(),
            Option.none(),
            Option.some(Set.of("Directory Reader")),
            Option.none(),
            Option.none(),
            Option.none()));
    assertThat(reason(authenticate(issued.value().reveal())))
        .isEqualTo(FailureReason.PROFILE_NOT_ALLOWED);
  }

  @Test
  void aTokenWithoutTheScopeIsRefusedAndItsUseIsNotCounted() {
    IssuedToken issued = create(ada, Option.none(), "export");
    var failure = authenticate(issued.value().reveal()).getLeft();
    assertThat(failure)
        .isEqualTo(
            new AuthenticationFailure.ScopeNotGranted(
                issued.summary().token().id(), Scope.REST, Set.of(Scope.EXPORT)));
    assertThat(world.tokens.find(issued.summary().token().id()).get().usage().useCount()).isZero();
    assertThat(authenticate(List.of(issued.value().reveal()), Scope.EXPORT).isRight()).isTrue();
  }

  @Test
  void anAdministratorWithoutTheRestProfileIsRefusedOnRest() {
    User boss = world.user("boss", Profile.ADMINISTRATOR);
    IssuedToken issued = create(boss, Option.none(), "rest");
    assertThat(reason(authenticate(issued.value().reveal())))
        .isEqualTo(FailureReason.REST_PROFILE_REQUIRED);
  }

  @Test
  void failuresOfAnExistingTokenAreLoggedForItsOwnerNewestFirst() {
    Instant expiry = InMemoryTokensmith.START.plus(Duration.ofDays(1));
    IssuedToken issued = create(ada, Option.some(expiry), "export");
    authenticate(issued.value().reveal());
    world.clock.set(expiry);
    authenticate(issued.value().reveal());
    List<RecordedFailure> recent =
        world
            .core
            .tokens
            .viewToken(new TokenCommand(ada, TokenKind.PERSONAL, issued.summary().token().id()))
            .get()
            .recentFailures();
    assertThat(recent)
        .extracting(RecordedFailure::reason)
        .containsExactly(FailureReason.TOKEN_EXPIRED, FailureReason.SCOPE_NOT_GRANTED);
    assertThat(recent.get(0).address()).isEqualTo("192.0.2.4");
    assertThat(recent.get(0).endpoint()).isEqualTo("GET /api/v1/tokens/self");
    assertThat(recent.get(0).message()).contains(expiry.toString());
  }

  @Test
  void introspectionTellsActiveWithoutCountingAUse() {
    IssuedToken issued = create(ada, Option.none(), "export");
    var introspection = world.core.authentication.introspectToken(issued.value().reveal());
    assertThat(introspection.isActive()).isTrue();
    assertThat(introspection.active().get().principal().login()).isEqualTo("ada");
    assertThat(world.tokens.find(issued.summary().token().id()).get().usage().useCount()).isZero();
    assertThat(world.core.authentication.introspectToken("nonsense").isActive()).isFalse();
  }

  @Test
  void revokingByValueDeletesTheTokenAndTellsTheOwner() {
    IssuedToken issued = create(ada, Option.none(), "rest");
    assertThat(
            world.core.tokens.revokeToken(
                new RevokeTokenCommand(issued.value().reveal(), "198.51.100.1")))
        .isTrue();
    assertThat(reason(authenticate(issued.value().reveal())))
        .isEqualTo(FailureReason.TOKEN_DELETED);
    assertThat(world.audit.recentFor("ada", 1).get(0).detail()).contains("198.51.100.1");
    assertThat(world.core.tokens.revokeToken(new RevokeTokenCommand(issued.value().reveal(), "x")))
        .isFalse();
    assertThat(world.core.tokens.revokeToken(new RevokeTokenCommand("garbage", "x"))).isFalse();
  }

  @Test
  void applicationTokensAreTheirOwnPrincipal() {
    var issued =
        world
            .core
            .applicationTokens
            .createApplicationToken(
                new dev.tokensmith.application.port.in.CreateApplicationTokenCommand(
                    root,
                    "collector",
                    "My Company",
                    Set.of("REST Services User"),
                    Set.of("REST/JSON"),
                    Option.none()))
            .get();
    AuthenticatedPrincipal authenticated = authenticate(issued.value().reveal()).get();
    assertThat(authenticated.principal().login()).isEqualTo("collector");
    assertThat(authenticated.principal()).isSameAs(authenticated.token());
    assertThat(authenticated.token().usage().useCount()).isEqualTo(1);
    world.core.applicationTokens.editApplicationToken(
        new dev.tokensmith.application.port.in.EditApplicationTokenCommand(
            root,
            issued.summary().token().id(),
            Option.some("disabled"),
            Option.none(),
            Option.none(),
            Option.none(),
            Option.none()));
    assertThat(reason(authenticate(issued.value().reveal())))
        .isEqualTo(FailureReason.PRINCIPAL_DISABLED);
  }

  private static UserFields withStatus(String status) {
    return new UserFields(
        Option.none(),
        Option.some(status),
        Option.none(),
        Option.none(),
        Option.none(),
        Option.none(),
        Option.none());
  }
}
