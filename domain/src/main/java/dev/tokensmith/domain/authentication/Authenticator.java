package dev.tokensmith.domain.authentication;

import dev.tokensmith.domain.account.Principal;
import dev.tokensmith.domain.account.Status;
import dev.tokensmith.domain.policy.TokenPolicy;
import dev.tokensmith.domain.token.Credential;
import dev.tokensmith.domain.token.Refresh;
import dev.tokensmith.domain.token.Scope;
import dev.tokensmith.domain.token.Token;
import dev.tokensmith.domain.token.TokenKind;
import dev.tokensmith.domain.token.TokenRules;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Instant;
import java.util.Objects;

/**
 * The checks of DESIGN §2 that follow the lookup, in their order, the first failure winning:
 * secret, expiry (or policy deadline), inactivity, principal status, owner profile, scope, REST
 * profile. Pure: the caller has parsed the value, looked the token up and compared the digests.
 */
public final class Authenticator {
  private final AuthenticationPolicy policy;
  private final TokenPolicy startPolicy;

  public Authenticator(AuthenticationPolicy policy, TokenRules rules) {
    this.policy = Objects.requireNonNull(policy, "policy");
    this.startPolicy = TokenPolicy.seed(policy.personalTokenProfiles(), rules);
  }

  /**
   * The same decision under the token policy of the start-up settings (personal-token profiles,
   * maximum lifetime, refresh grace).
   */
  public Either<AuthenticationFailure, AuthenticatedPrincipal> decide(
      Token token, Principal principal, SecretMatch match, Option<Scope> required, Instant now) {
    return decide(token, principal, match, required, now, startPolicy);
  }

  /**
   * Decides whether {@code token}, acting as {@code principal}, authenticates for an endpoint that
   * requires {@code required} at {@code now}, given which digest the presented secret matched. With
   * no required scope (introspection) the scope and REST-profile checks are skipped.
   *
   * <p>{@code tokenPolicy} is the token policy as the database holds it now: refresh grace,
   * inactivity limit and the profiles that may own personal tokens.
   *
   * @return the failure of DESIGN §2 that comes first, or the authenticated principal
   */
  public Either<AuthenticationFailure, AuthenticatedPrincipal> decide(
      Token token,
      Principal principal,
      SecretMatch match,
      Option<Scope> required,
      Instant now,
      TokenPolicy tokenPolicy) {
    var id = token.id();
    if (match == SecretMatch.NONE) {
      return Either.left(new AuthenticationFailure.WrongSecret(id));
    }
    if (match == SecretMatch.PREVIOUS) {
      Refresh refresh = token.credential().lastRefresh().get();
      if (!tokenPolicy.rules().withinRefreshGrace(refresh, now)) {
        return Either.left(new AuthenticationFailure.TokenRefreshed(id, refresh.refreshedAt()));
      }
    }
    Credential credential = token.credential();
    if (credential.isExpiredAt(now) || credential.isPastPolicyDeadlineAt(now)) {
      Instant stoppedAt = credential.stopsAt().get();
      boolean byPolicy = !credential.isExpiredAt(stoppedAt);
      return Either.left(new AuthenticationFailure.TokenExpired(id, stoppedAt, byPolicy));
    }
    Option<Instant> inactiveSince = tokenPolicy.inactiveSince(credential, now);
    if (inactiveSince.isDefined()) {
      return Either.left(
          new AuthenticationFailure.TokenInactive(
              id, inactiveSince.get(), tokenPolicy.inactivityDays().get()));
    }
    if (principal.status() != Status.ENABLED) {
      return Either.left(new AuthenticationFailure.PrincipalDisabled(id, principal.login()));
    }
    if (token.kind() == TokenKind.PERSONAL && !tokenPolicy.mayOwnPersonalTokens(principal, now)) {
      return Either.left(
          new AuthenticationFailure.ProfileNotAllowed(
              id, principal.login(), tokenPolicy.personalTokenProfileSet()));
    }
    if (required.isEmpty()) {
      return Either.right(new AuthenticatedPrincipal(principal, token));
    }
    if (!token.scopes().contains(required.get())) {
      return Either.left(
          new AuthenticationFailure.ScopeNotGranted(id, required.get(), token.scopes()));
    }
    if (!policy.passesRestProfileRule(required.get(), token, principal)) {
      return Either.left(new AuthenticationFailure.RestProfileRequired(id, principal.login()));
    }
    return Either.right(new AuthenticatedPrincipal(principal, token));
  }

  public AuthenticationPolicy policy() {
    return policy;
  }
}
