package dev.tokensmith.domain.token;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokensmith.domain.account.Violation;
import io.vavr.control.Option;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TokenRulesTest {
  private static final Instant NOW = Instant.parse("2026-05-01T12:00:00Z");
  private final TokenRules limited =
      new TokenRules(Option.some(Duration.ofDays(90)), Duration.ZERO);

  @Test
  void applicationMustBePresentAndShort() {
    assertThat(TokenRules.DEFAULT.application("  nightly  ").get()).isEqualTo("nightly");
    assertThat(TokenRules.DEFAULT.application(" ").getLeft().field()).isEqualTo("application");
    assertThat(TokenRules.DEFAULT.application("x".repeat(255)).isRight()).isTrue();
    assertThat(TokenRules.DEFAULT.application("x".repeat(256)).getLeft().message()).contains("255");
  }

  @Test
  void atLeastOneScopeIsNeeded() {
    assertThat(TokenRules.DEFAULT.scopes(Set.of()).getLeft())
        .isEqualTo(new Violation("scopes", "scopes must name at least one scope"));
  }

  @Test
  void expiryMustBeInTheFuture() {
    assertThat(TokenRules.DEFAULT.expiry(Option.some(NOW), NOW).getLeft().field())
        .isEqualTo("expiresAt");
    assertThat(TokenRules.DEFAULT.expiry(Option.none(), NOW).get()).isEmpty();
  }

  @Test
  void expiryMustBeWithinTheMaximumLifetimeWhichIsAlsoTheDefault() {
    assertThat(limited.expiry(Option.some(NOW.plus(Duration.ofDays(91))), NOW).getLeft().message())
        .contains("90 days");
    assertThat(limited.expiry(Option.none(), NOW).get()).contains(NOW.plus(Duration.ofDays(90)));
  }

  @Test
  void expiresSoonMeansWithinSevenDaysAndNotExpired() {
    Credential soon =
        Credential.issued(
            new TokenId(1, 1),
            Set.of(Scope.REST),
            new SecretDigest("a$b$c"),
            NOW,
            Option.some(NOW.plus(Duration.ofDays(6))));
    Credential later = soon.withSettings(soon.scopes(), Option.some(NOW.plus(Duration.ofDays(8))));
    assertThat(soon.expiresSoonAt(NOW)).isTrue();
    assertThat(later.expiresSoonAt(NOW)).isFalse();
    assertThat(soon.expiresSoonAt(NOW.plus(Duration.ofDays(7)))).isFalse();
    assertThat(soon.isExpiredAt(NOW.plus(Duration.ofDays(7)))).isTrue();
  }

  @Test
  void scopesAcceptNamesAndItopCodesAndPrintNames() {
    ScopeCatalog catalog = ScopeCatalog.standard();
    assertThat(catalog.parse("REST/JSON").get()).isEqualTo(Scope.REST);
    assertThat(catalog.parse("rest").get()).isEqualTo(Scope.REST);
    assertThat(catalog.parse("Synchro").get()).isEqualTo(Scope.SYNCHRO);
    assertThat(catalog.parse("introspect").get()).isEqualTo(Scope.INTROSPECT);
    assertThat(catalog.parse("admin").getLeft()).contains("unknown scope 'admin'").contains("rest");
    assertThat(catalog.with(Set.of(new Scope("billing"))).parse("billing").isRight()).isTrue();
    assertThat(ScopeCatalog.itopCode(Scope.REST)).contains("REST/JSON");
  }
}
