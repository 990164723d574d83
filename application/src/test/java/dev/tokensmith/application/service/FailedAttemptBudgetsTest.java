package dev.tokensmith.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokensmith.application.fake.InMemoryTokensmith;
import dev.tokensmith.application.port.in.AuthenticateCommand;
import dev.tokensmith.application.port.in.CreatePersonalTokenCommand;
import dev.tokensmith.application.port.in.IssuedToken;
import dev.tokensmith.application.port.in.LogInCommand;
import dev.tokensmith.application.port.in.UseCaseFailure;
import dev.tokensmith.domain.account.Password;
import dev.tokensmith.domain.account.Profile;
import dev.tokensmith.domain.account.User;
import dev.tokensmith.domain.authentication.AttemptBudget;
import dev.tokensmith.domain.authentication.AttemptBudgets;
import dev.tokensmith.domain.authentication.AuthenticatedPrincipal;
import dev.tokensmith.domain.authentication.AuthenticationFailure;
import dev.tokensmith.domain.authentication.FailureReason;
import dev.tokensmith.domain.authentication.RecordedFailure;
import dev.tokensmith.domain.token.Scope;
import dev.tokensmith.domain.token.TokenCodec;
import dev.tokensmith.domain.token.TokenKind;
import dev.tokensmith.domain.token.TokenSecret;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The budgets of failed attempts slow guesses, never the valid credentials beside them. */
class FailedAttemptBudgetsTest {
  private static final String NAT = "198.51.100.7";
  private static final String ELSEWHERE = "203.0.113.50";

  private final InMemoryTokensmith world =
      new InMemoryTokensmith(
          TokensmithCore.Settings.DEFAULT.withBudgets(
              new AttemptBudgets(
                  new AttemptBudget(5, Duration.ofMinutes(1)),
                  new AttemptBudget(3, Duration.ofMinutes(5)),
                  new AttemptBudget(6, Duration.ofMinutes(5)))));
  private final User ada = world.user("ada", Profile.REST_SERVICES_USER);
  private final User bob = world.user("bob", Profile.REST_SERVICES_USER);

  private IssuedToken token(User owner, String... scopes) {
    return world
        .core
        .personalTokens
        .createPersonalToken(
            new CreatePersonalTokenCommand(owner, "script", Set.of(scopes), Option.none()))
        .get();
  }

  private Either<AuthenticationFailure, AuthenticatedPrincipal> authenticate(
      String value, String address) {
    return world.core.authentication.authenticate(
        new AuthenticateCommand(List.of(value), Scope.REST, "GET /api/v1/me", address));
  }

  private Either<UseCaseFailure, User> logIn(String login, String password, String address) {
    return world.core.accounts.logIn(new LogInCommand(login, Password.of(password), address));
  }

  /** A well-formed value naming {@code issued}'s id with another secret. */
  private static String wrongSecretOf(IssuedToken issued) {
    byte[] secret = new byte[TokenSecret.BYTES];
    new java.util.Random(7).nextBytes(secret);
    return new TokenCodec(TokenCodec.DEFAULT_PREFIX)
        .format(TokenKind.PERSONAL, issued.summary().token().id(), new TokenSecret(secret))
        .reveal();
  }

  @Test
  void wrongTokensBeyondTheBudgetAreRateLimitedWhileAValidTokenKeepsWorking() {
    String valid = token(ada, "rest").value().reveal();
    for (int i = 0; i < 5; i++) {
      assertThat(authenticate("tksp_guess" + i, NAT).getLeft().reason())
          .isEqualTo(FailureReason.MALFORMED_TOKEN);
    }
    for (int i = 0; i < 20; i++) {
      AuthenticationFailure refused = authenticate("tksp_guess" + i, NAT).getLeft();
      assertThat(refused.reason()).isEqualTo(FailureReason.RATE_LIMITED);
      assertThat(authenticate(valid, NAT).isRight()).isTrue();
    }
    assertThat(authenticate("tksp_guess", ELSEWHERE).getLeft().reason())
        .isEqualTo(FailureReason.MALFORMED_TOKEN);
  }

  @Test
  void theRefusalNamesTheWaitUntilTheWindowEndsAndTheNextWindowHasAFreshBudget() {
    world.clock.advance(Duration.ofSeconds(15)); // 09:00:15, the window ends at 09:01:00
    for (int i = 0; i < 5; i++) {
      authenticate("tksp_guess", NAT);
    }
    AuthenticationFailure.RateLimited refused =
        (AuthenticationFailure.RateLimited) authenticate("tksp_guess", NAT).getLeft();
    assertThat(refused.retryAfterSeconds()).isEqualTo(45);
    assertThat(refused.message()).contains("45 seconds");
    world.clock.advance(Duration.ofSeconds(45));
    assertThat(authenticate("tksp_guess", NAT).getLeft().reason())
        .isEqualTo(FailureReason.MALFORMED_TOKEN);
  }

  @Test
  void aWrongSecretRefusedForTheBudgetIsInItsOwnersFailureLogAsRateLimited() {
    IssuedToken issued = token(ada, "rest");
    for (int i = 0; i < 5; i++) {
      authenticate("tksp_guess", NAT);
    }
    assertThat(authenticate(wrongSecretOf(issued), NAT).getLeft().reason())
        .isEqualTo(FailureReason.RATE_LIMITED);
    List<RecordedFailure> log = world.failures.recent(issued.summary().token().id(), 10);
    assertThat(log).hasSize(1);
    assertThat(log.get(0).reason()).isEqualTo(FailureReason.RATE_LIMITED);
    assertThat(log.get(0).address()).isEqualTo(NAT);
  }

  @Test
  void valuesWhoseSecretMatchedAreNeverCountedAsGuesses() {
    IssuedToken exportOnly = token(ada, "export");
    for (int i = 0; i < 20; i++) {
      assertThat(authenticate(exportOnly.value().reveal(), NAT).getLeft().reason())
          .isEqualTo(FailureReason.SCOPE_NOT_GRANTED);
    }
    assertThat(world.attempts.windows()).isZero();
    assertThat(authenticate("tksp_guess", NAT).getLeft().reason())
        .isEqualTo(FailureReason.MALFORMED_TOKEN);
  }

  @Test
  void aValidTokenNeitherSpendsNorReadsABudget() {
    String valid = token(ada, "rest").value().reveal();
    for (int i = 0; i < 10; i++) {
      assertThat(authenticate(valid, NAT).isRight()).isTrue();
    }
    assertThat(world.attempts.windows()).isZero();
  }

  @Test
  void aPasswordBruteForceOnOneLoginLocksThatLoginForOneWindowOnly() {
    for (int i = 0; i < 3; i++) {
      assertThat(logIn("ada", "guess " + i, NAT).getLeft())
          .isInstanceOf(UseCaseFailure.InvalidCredentials.class);
    }
    // the login's budget is spent: even the right password waits, from anywhere
    UseCaseFailure refused = logIn("ada", "password-of-ada", ELSEWHERE).getLeft();
    assertThat(refused).isInstanceOf(UseCaseFailure.TooManyAttempts.class);
    assertThat(((UseCaseFailure.TooManyAttempts) refused).retryAfterSeconds()).isEqualTo(300);
    // another login from the very same address signs in
    assertThat(logIn("bob", "password-of-bob", NAT).isRight()).isTrue();
    world.clock.advance(Duration.ofMinutes(5));
    assertThat(logIn("ada", "password-of-ada", ELSEWHERE).isRight()).isTrue();
  }

  @Test
  void wrongPasswordsOfManyLoginsSpendTheAddressBudgetButACorrectPasswordStillSignsIn() {
    for (int i = 0; i < 6; i++) {
      assertThat(logIn("user" + i, "guess", NAT).getLeft())
          .isInstanceOf(UseCaseFailure.InvalidCredentials.class);
    }
    assertThat(logIn("user9", "guess", NAT).getLeft())
        .isInstanceOf(UseCaseFailure.TooManyAttempts.class);
    assertThat(logIn("user9", "guess", ELSEWHERE).getLeft())
        .isInstanceOf(UseCaseFailure.InvalidCredentials.class);
    assertThat(logIn("bob", "password-of-bob", NAT).isRight()).isTrue();
  }

  @Test
  void passwordFailuresNeverCostTheTokensOfTheirAddress() {
    String valid = token(ada, "rest").value().reveal();
    for (int i = 0; i < 50; i++) {
      logIn("x", "y", NAT);
    }
    assertThat(authenticate(valid, NAT).isRight()).isTrue();
    assertThat(authenticate("tksp_guess", NAT).getLeft().reason())
        .isEqualTo(FailureReason.MALFORMED_TOKEN);
  }

  @Test
  void aSignInThatCouldNotBeCheckedCountsAsAWrongPassword() {
    for (int i = 0; i < 3; i++) {
      assertThat(world.core.accounts.failedSignIn(Option.some("ada"), NAT))
          .isInstanceOf(UseCaseFailure.InvalidCredentials.class);
    }
    assertThat(logIn("ada", "password-of-ada", NAT).getLeft())
        .isInstanceOf(UseCaseFailure.TooManyAttempts.class);
    for (int i = 0; i < 6; i++) {
      world.core.accounts.failedSignIn(Option.none(), ELSEWHERE);
    }
    assertThat(world.core.accounts.failedSignIn(Option.none(), ELSEWHERE))
        .isInstanceOf(UseCaseFailure.TooManyAttempts.class);
  }

  @Test
  void anIpv6ClientIsCountedByItsSlash64() {
    assertThat(FailedAttempts.addressKey("2001:db8:0:1::5"))
        .isEqualTo(FailedAttempts.addressKey("2001:0db8:0000:0001:ffff:1:2:3"))
        .isEqualTo("2001:db8:0:1::/64");
    assertThat(FailedAttempts.addressKey("2001:db8:0:2::5")).isNotEqualTo("2001:db8:0:1::/64");
    assertThat(FailedAttempts.addressKey("::1")).isEqualTo("0:0:0:0::/64");
    assertThat(FailedAttempts.addressKey("192.0.2.1")).isEqualTo("192.0.2.1");
    assertThat(FailedAttempts.addressKey("not:an:address:zz")).isEqualTo("not:an:address:zz");
  }
}
