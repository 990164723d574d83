package dev.tokensmith.domain.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokensmith.domain.account.Profile;
import dev.tokensmith.domain.token.Credential;
import dev.tokensmith.domain.token.Scope;
import dev.tokensmith.domain.token.SecretDigest;
import dev.tokensmith.domain.token.TokenId;
import dev.tokensmith.domain.token.TokenRules;
import dev.tokensmith.domain.token.Usage;
import io.vavr.control.Option;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TokenPolicyTest {
  private static final Instant NOW = Instant.parse("2026-03-01T00:00:00Z");
  private static final TokenPolicy START =
      TokenPolicy.seed(
          Set.of(Profile.ADMINISTRATOR, Profile.REST_SERVICES_USER), TokenRules.DEFAULT);

  private static Credential credential(Option<Instant> expiresAt, Scope... scopes) {
    return Credential.issued(
        new TokenId(1, 2),
        Set.of(scopes),
        new SecretDigest("hmac-sha256$k1$AAAA"),
        NOW.minus(Duration.ofDays(100)),
        expiresAt);
  }

  private static TokenPolicy with(
      Option<Integer> maxLifetimeDays,
      Option<Integer> inactivityDays,
      List<TokenPolicy.ProfileGrant> grants) {
    return new TokenPolicy(
        0, maxLifetimeDays, false, inactivityDays, Option.none(), Duration.ZERO, grants, List.of());
  }

  @Test
  void theSeedLetsTheStartUpProfilesUseEveryScope() {
    assertThat(START.version()).isZero();
    assertThat(START.allowsScope(Set.of(Profile.REST_SERVICES_USER), Scope.EXPORT)).isTrue();
    assertThat(START.allowsScope(Set.of(Profile.DIRECTORY_READER), Scope.REST)).isFalse();
  }

  @Test
  void aTokenWithoutExpiryOrTooLongALifetimeOrAForbiddenScopeDoesNotFit() {
    TokenPolicy policy =
        with(
            Option.some(30),
            Option.none(),
            List.of(
                new TokenPolicy.ProfileGrant(
                    Profile.REST_SERVICES_USER, Option.some(Set.of(Scope.REST)))));
    Option<Set<Profile>> rest = Option.some(Set.of(Profile.REST_SERVICES_USER));

    assertThat(policy.misfits(credential(Option.none(), Scope.REST), rest, NOW))
        .containsExactly(new Misfit.NoExpiry());
    assertThat(
            policy.misfits(
                credential(Option.some(NOW.plus(Duration.ofDays(31))), Scope.REST), rest, NOW))
        .containsExactly(new Misfit.LifetimeTooLong(30));
    assertThat(
            policy.misfits(
                credential(Option.some(NOW.plus(Duration.ofDays(30))), Scope.REST, Scope.EXPORT),
                rest,
                NOW))
        .containsExactly(new Misfit.ScopeNotAllowed("export"));
    assertThat(
            policy.misfits(
                credential(Option.some(NOW.plus(Duration.ofDays(1))), Scope.REST),
                Option.some(Set.of(Profile.DIRECTORY_READER)),
                NOW))
        .containsExactly(new Misfit.ProfileNotAllowed());
    assertThat(
            policy.misfits(
                credential(Option.some(NOW.plus(Duration.ofDays(1))), Scope.REST), rest, NOW))
        .isEmpty();
  }

  @Test
  void aTighterInactivityLimitCountsFromTheDeadlineLessTheLimit() {
    Instant deadline = NOW.plus(Duration.ofDays(30));
    TokenPolicy next =
        START.replacedBy(
            with(Option.none(), Option.some(10), START.personalTokenProfiles()), deadline, NOW);
    Credential idleForever = credential(Option.none(), Scope.REST);

    assertThat(next.version()).isEqualTo(1);
    assertThat(next.inactivityCountsFrom()).contains(deadline.minus(Duration.ofDays(10)));
    assertThat(next.inactiveSince(idleForever, deadline.minusSeconds(1))).isEmpty();
    assertThat(next.inactiveSince(idleForever, deadline)).contains(deadline);
    Credential usedLater =
        idleForever.withUsage(
            new Usage(
                1, Option.some(deadline.minus(Duration.ofDays(1))), Option.some("192.0.2.1")));
    assertThat(next.inactiveSince(usedLater, deadline)).isEmpty();
  }

  @Test
  void aRemovedProfileRetiresUntilTheDeadline() {
    Instant deadline = NOW.plus(Duration.ofDays(7));
    TokenPolicy next =
        START.replacedBy(
            with(
                Option.none(),
                Option.none(),
                List.of(new TokenPolicy.ProfileGrant(Profile.ADMINISTRATOR, Option.none()))),
            deadline,
            NOW);

    assertThat(next.retiringProfiles())
        .containsExactly(new TokenPolicy.RetiringProfile(Profile.REST_SERVICES_USER, deadline));
    assertThat(next.personalTokenProfileSet()).containsExactly(Profile.ADMINISTRATOR);
  }

  @Test
  void anExpiryIsRequiredWhenThePolicySaysSo() {
    TokenPolicy required =
        new TokenPolicy(
            0,
            Option.none(),
            true,
            Option.none(),
            Option.none(),
            Duration.ZERO,
            START.personalTokenProfiles(),
            List.of());

    assertThat(required.expiry(Option.none(), NOW).getLeft().field()).isEqualTo("expiresAt");
    assertThat(required.expiry(Option.some(NOW.plusSeconds(60)), NOW).isRight()).isTrue();
  }
}
