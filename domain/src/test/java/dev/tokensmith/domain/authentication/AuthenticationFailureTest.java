package dev.tokensmith.domain.authentication;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokensmith.domain.account.Profile;
import dev.tokensmith.domain.token.Scope;
import dev.tokensmith.domain.token.TokenId;
import dev.tokensmith.domain.token.TokenParseFailure;
import io.vavr.control.Option;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class AuthenticationFailureTest {
  private static final TokenId ID = new TokenId(1, 2);
  private static final Instant AT = Instant.parse("2026-02-01T00:00:00Z");

  /** One example of every failure; the test below proves none is missing. */
  static List<AuthenticationFailure> examples() {
    return List.of(
        new AuthenticationFailure.MissingCredentials(),
        new AuthenticationFailure.AmbiguousCredentials(),
        new AuthenticationFailure.MalformedToken(new TokenParseFailure.WrongChecksum()),
        new AuthenticationFailure.TokenDeleted(ID, AT),
        new AuthenticationFailure.UnknownToken(ID),
        new AuthenticationFailure.TokenRefreshed(ID, AT),
        new AuthenticationFailure.WrongSecret(ID),
        new AuthenticationFailure.TokenExpired(ID, AT),
        new AuthenticationFailure.TokenInactive(ID, AT, 90),
        new AuthenticationFailure.PrincipalDisabled(ID, "ada"),
        new AuthenticationFailure.ProfileNotAllowed(ID, "ada", Set.of(Profile.ADMINISTRATOR)),
        new AuthenticationFailure.ScopeNotGranted(ID, Scope.REST, Set.of(Scope.EXPORT)),
        new AuthenticationFailure.RestProfileRequired(ID, "ada"),
        new AuthenticationFailure.RateLimited(Option.some(ID), Duration.ofSeconds(30)));
  }

  @Test
  void everyPermittedSubclassHasAnExampleAndItsOwnReason() {
    Set<Class<?>> permitted = Set.of(AuthenticationFailure.class.getPermittedSubclasses());
    assertThat(examples().stream().map(Object::getClass).collect(Collectors.toSet()))
        .isEqualTo(permitted);
    assertThat(examples().stream().map(AuthenticationFailure::reason).collect(Collectors.toSet()))
        .isEqualTo(EnumSet.allOf(FailureReason.class));
  }

  @Test
  void theReasonTableMatchesTheDesign() {
    assertThat(
            Arrays.stream(FailureReason.values())
                .map(r -> r.code() + " " + r.httpStatus() + " " + r.bearerError().getOrElse("-")))
        .containsExactly(
            "missing_credentials 401 -",
            "ambiguous_credentials 400 invalid_request",
            "malformed_token 401 invalid_token",
            "token_deleted 401 invalid_token",
            "unknown_token 401 invalid_token",
            "token_refreshed 401 invalid_token",
            "wrong_secret 401 invalid_token",
            "token_expired 401 invalid_token",
            "token_inactive 401 invalid_token",
            "principal_disabled 401 invalid_token",
            "profile_not_allowed 403 insufficient_scope",
            "scope_not_granted 403 insufficient_scope",
            "rest_profile_required 403 insufficient_scope",
            "rate_limited 429 -");
  }

  @Test
  void messagesCarryTheFacts() {
    assertThat(new AuthenticationFailure.TokenExpired(ID, AT).message())
        .contains("2026-02-01T00:00:00Z");
    assertThat(new AuthenticationFailure.TokenRefreshed(ID, AT).message())
        .contains("replaced by a refresh on 2026-02-01T00:00:00Z");
    assertThat(
            new AuthenticationFailure.ScopeNotGranted(ID, Scope.REST, Set.of(Scope.EXPORT))
                .message())
        .contains("scope rest")
        .contains("export");
    assertThat(FailureReason.ofCode("token_expired")).contains(FailureReason.TOKEN_EXPIRED);
  }

  @Test
  void aRateLimitedRefusalSaysHowLongToWaitInWholeSeconds() {
    AuthenticationFailure.RateLimited refused =
        new AuthenticationFailure.RateLimited(Option.none(), Duration.ofMillis(1500));
    assertThat(refused.retryAfterSeconds()).isEqualTo(2);
    assertThat(refused.message()).contains("try again in 2 seconds");
    assertThat(
            new AuthenticationFailure.RateLimited(Option.none(), Duration.ofMillis(10))
                .retryAfterSeconds())
        .isEqualTo(1);
  }

  @Test
  void budgetWindowsStartAtMultiplesOfTheirLengthSoEveryInstanceAgrees() {
    AttemptBudget budget = new AttemptBudget(10, Duration.ofMinutes(5));
    Instant now = Instant.parse("2026-02-01T09:07:30Z");
    assertThat(budget.windowStart(now)).isEqualTo(Instant.parse("2026-02-01T09:05:00Z"));
    assertThat(budget.windowEnd(now)).isEqualTo(Instant.parse("2026-02-01T09:10:00Z"));
    assertThat(budget.retryAfter(now)).isEqualTo(Duration.ofSeconds(150));
    assertThat(budget.isSpentBy(10)).isFalse();
    assertThat(budget.isSpentBy(11)).isTrue();
    assertThat(budget.isExhaustedBy(10)).isTrue();
  }

  @Test
  void failuresAfterParsingNameTheirToken() {
    for (AuthenticationFailure failure : examples()) {
      boolean beforeParsing =
          failure instanceof AuthenticationFailure.MissingCredentials
              || failure instanceof AuthenticationFailure.AmbiguousCredentials
              || failure instanceof AuthenticationFailure.MalformedToken;
      if (failure instanceof AuthenticationFailure.RateLimited) {
        continue; // names the token when there was one
      }
      assertThat(failure.tokenId().isDefined()).as(failure.toString()).isEqualTo(!beforeParsing);
    }
  }
}
