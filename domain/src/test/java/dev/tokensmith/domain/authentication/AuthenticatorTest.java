package dev.tokensmith.domain.authentication;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokensmith.domain.account.Organization;
import dev.tokensmith.domain.account.OrganizationId;
import dev.tokensmith.domain.account.Person;
import dev.tokensmith.domain.account.PersonId;
import dev.tokensmith.domain.account.Profile;
import dev.tokensmith.domain.account.Status;
import dev.tokensmith.domain.account.User;
import dev.tokensmith.domain.account.UserId;
import dev.tokensmith.domain.token.ApplicationToken;
import dev.tokensmith.domain.token.Credential;
import dev.tokensmith.domain.token.PersonalToken;
import dev.tokensmith.domain.token.Scope;
import dev.tokensmith.domain.token.SecretDigest;
import dev.tokensmith.domain.token.TokenId;
import dev.tokensmith.domain.token.TokenRules;
import io.vavr.control.Option;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AuthenticatorTest {
  private static final Instant NOW = Instant.parse("2026-05-01T12:00:00Z");
  private static final Organization ORG = new Organization(new OrganizationId(1), "My Company");
  private static final TokenId ID = new TokenId(3, 4);

  private final Authenticator authenticator =
      new Authenticator(AuthenticationPolicy.DEFAULT, TokenRules.DEFAULT);

  private static User user(Status status, Profile... profiles) {
    return new User(
        new UserId(7),
        "ada",
        status,
        ORG,
        new Person(new PersonId(8), "Ada", "Lovelace", "ada@example.com", Option.none(), ORG),
        Set.of(profiles));
  }

  private static PersonalToken token(Option<Instant> expiresAt, Scope... scopes) {
    return new PersonalToken(
        Credential.issued(
            ID, Set.of(scopes), new SecretDigest("x$k$new"), NOW.minusSeconds(3600), expiresAt),
        new UserId(7),
        "ada",
        "script");
  }

  private static final User REST_USER = user(Status.ENABLED, Profile.REST_SERVICES_USER);

  @Test
  void aValidTokenAuthenticatesAsItsOwner() {
    var result =
        authenticator.decide(
            token(Option.none(), Scope.REST),
            REST_USER,
            SecretMatch.CURRENT,
            Option.some(Scope.REST),
            NOW);
    assertThat(result.get().principal()).isEqualTo(REST_USER);
  }

  @Test
  void aWrongSecretIsRefusedFirst() {
    var result =
        authenticator.decide(
            token(Option.some(NOW.minusSeconds(1))),
            user(Status.DISABLED),
            SecretMatch.NONE,
            Option.some(Scope.REST),
            NOW);
    assertThat(result.getLeft()).isEqualTo(new AuthenticationFailure.WrongSecret(ID));
  }

  @Test
  void theReplacedValueIsReportedAsRefreshedWithItsTime() {
    Instant refreshedAt = NOW.minusSeconds(60);
    PersonalToken refreshed = token(Option.none(), Scope.REST);
    refreshed =
        refreshed.withCredential(
            refreshed.credential().refreshed(new SecretDigest("x$k$newer"), refreshedAt));
    var result =
        authenticator.decide(
            refreshed, REST_USER, SecretMatch.PREVIOUS, Option.some(Scope.REST), NOW);
    assertThat(result.getLeft())
        .isEqualTo(new AuthenticationFailure.TokenRefreshed(ID, refreshedAt));
  }

  @Test
  void theReplacedValueWorksDuringTheGracePeriod() {
    Authenticator lenient =
        new Authenticator(
            AuthenticationPolicy.DEFAULT, new TokenRules(Option.none(), Duration.ofMinutes(5)));
    PersonalToken refreshed = token(Option.none(), Scope.REST);
    refreshed =
        refreshed.withCredential(
            refreshed.credential().refreshed(new SecretDigest("x$k$newer"), NOW.minusSeconds(60)));
    assertThat(
            lenient
                .decide(refreshed, REST_USER, SecretMatch.PREVIOUS, Option.some(Scope.REST), NOW)
                .isRight())
        .isTrue();
    assertThat(
            lenient
                .decide(
                    refreshed,
                    REST_USER,
                    SecretMatch.PREVIOUS,
                    Option.some(Scope.REST),
                    NOW.plusSeconds(241))
                .getLeft())
        .isInstanceOf(AuthenticationFailure.TokenRefreshed.class);
  }

  @Test
  void anExpiredTokenIsRefusedWithItsExpiryTimeFromTheExactInstant() {
    Instant expiry = NOW;
    var result =
        authenticator.decide(
            token(Option.some(expiry), Scope.REST),
            REST_USER,
            SecretMatch.CURRENT,
            Option.some(Scope.REST),
            NOW);
    assertThat(result.getLeft()).isEqualTo(new AuthenticationFailure.TokenExpired(ID, expiry));
    assertThat(
            authenticator
                .decide(
                    token(Option.some(expiry), Scope.REST),
                    REST_USER,
                    SecretMatch.CURRENT,
                    Option.some(Scope.REST),
                    NOW.minusNanos(1000))
                .isRight())
        .isTrue();
  }

  @Test
  void aDisabledOwnerIsRefused() {
    var result =
        authenticator.decide(
            token(Option.none(), Scope.REST),
            user(Status.DISABLED, Profile.REST_SERVICES_USER),
            SecretMatch.CURRENT,
            Option.some(Scope.REST),
            NOW);
    assertThat(result.getLeft()).isEqualTo(new AuthenticationFailure.PrincipalDisabled(ID, "ada"));
  }

  @Test
  void anOwnerWithoutAPersonalTokenProfileIsRefused() {
    var result =
        authenticator.decide(
            token(Option.none(), Scope.REST),
            user(Status.ENABLED, Profile.DIRECTORY_READER),
            SecretMatch.CURRENT,
            Option.some(Scope.REST),
            NOW);
    assertThat(result.getLeft()).isInstanceOf(AuthenticationFailure.ProfileNotAllowed.class);
  }

  @Test
  void aMissingScopeIsRefusedNamingRequiredAndGranted() {
    var result =
        authenticator.decide(
            token(Option.none(), Scope.EXPORT),
            REST_USER,
            SecretMatch.CURRENT,
            Option.some(Scope.REST),
            NOW);
    assertThat(result.getLeft())
        .isEqualTo(new AuthenticationFailure.ScopeNotGranted(ID, Scope.REST, Set.of(Scope.EXPORT)));
  }

  @Test
  void restNeedsTheRestServicesUserProfileWhenSecured() {
    User admin = user(Status.ENABLED, Profile.ADMINISTRATOR);
    var result =
        authenticator.decide(
            token(Option.none(), Scope.REST),
            admin,
            SecretMatch.CURRENT,
            Option.some(Scope.REST),
            NOW);
    assertThat(result.getLeft())
        .isEqualTo(new AuthenticationFailure.RestProfileRequired(ID, "ada"));
    // not a REST endpoint: the rule does not apply
    assertThat(
            authenticator
                .decide(
                    token(Option.none(), Scope.EXPORT),
                    admin,
                    SecretMatch.CURRENT,
                    Option.some(Scope.EXPORT),
                    NOW)
                .isRight())
        .isTrue();
  }

  @Test
  void personalTokensAreExemptWhenRestServicesViaTokensAreAllowed() {
    User admin = user(Status.ENABLED, Profile.ADMINISTRATOR);
    Authenticator allowing =
        new Authenticator(
            new AuthenticationPolicy(Set.of(Profile.ADMINISTRATOR), true, true),
            TokenRules.DEFAULT);
    assertThat(
            allowing
                .decide(
                    token(Option.none(), Scope.REST),
                    admin,
                    SecretMatch.CURRENT,
                    Option.some(Scope.REST),
                    NOW)
                .isRight())
        .isTrue();
    ApplicationToken application =
        new ApplicationToken(
            Credential.issued(
                ID, Set.of(Scope.REST), new SecretDigest("x$k$a"), NOW, Option.none()),
            "collector",
            Status.ENABLED,
            ORG,
            Set.of(Profile.ADMINISTRATOR));
    assertThat(
            allowing
                .decide(application, application, SecretMatch.CURRENT, Option.some(Scope.REST), NOW)
                .getLeft())
        .isInstanceOf(AuthenticationFailure.RestProfileRequired.class);
  }

  @Test
  void unsecuredRestServicesNeedNoProfile() {
    Authenticator open =
        new Authenticator(
            new AuthenticationPolicy(Set.of(Profile.ADMINISTRATOR), false, false),
            TokenRules.DEFAULT);
    assertThat(
            open.decide(
                    token(Option.none(), Scope.REST),
                    user(Status.ENABLED, Profile.ADMINISTRATOR),
                    SecretMatch.CURRENT,
                    Option.some(Scope.REST),
                    NOW)
                .isRight())
        .isTrue();
  }

  @Test
  void introspectionSkipsScopeChecksButNotTheOthers() {
    assertThat(
            authenticator
                .decide(
                    token(Option.none(), Scope.EXPORT),
                    REST_USER,
                    SecretMatch.CURRENT,
                    Option.none(),
                    NOW)
                .isRight())
        .isTrue();
    assertThat(
            authenticator
                .decide(
                    token(Option.some(NOW), Scope.EXPORT),
                    REST_USER,
                    SecretMatch.CURRENT,
                    Option.none(),
                    NOW)
                .isLeft())
        .isTrue();
  }
}
