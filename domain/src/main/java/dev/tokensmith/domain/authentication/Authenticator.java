package dev.tokensmith.domain.authentication;

import dev.tokensmith.domain.account.Principal;
import dev.tokensmith.domain.account.Status;
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
 * secret, expiry, principal status, owner profile, scope, REST profile. Pure: the caller has parsed
 * the value, looked the token up and compared the digests.
 */
public final class Authenticator {
  private final AuthenticationPolicy policy;
  private final TokenRules rules;

  public Authenticator(AuthenticationPolicy policy, TokenRules rules) {
    this.policy = Objects.requireNonNull(policy, "policy");
    this.rules = Objects.requireNonNull(rules, "rules");
  }

  /**
   * Decides whether {@code token}, acting as {@code principal}, authenticates for an endpoint that
   * requires {@code required} at {@code now}, given which digest the presented secret matched. With
   * no required scope (introspection) the scope and REST-profile checks are skipped.
   *
   * @return the failure of DESIGN §2 that comes first, or the authenticated principal
   */
  public Either<AuthenticationFailure, AuthenticatedPrincipal> decide(
      Token token, Principal principal, SecretMatch match, Option<Scope> required, Instant now) {
    var id = token.id();
    if (match == SecretMatch.NONE) {
      return Either.left(new AuthenticationFailure.WrongSecret(id));
    }
    if (match == SecretMatch.PREVIOUS) {
      Refresh refresh = token.credential().lastRefresh().get();
      if (!rules.withinRefreshGrace(refresh, now)) {
        return Either.left(new AuthenticationFailure.TokenRefreshed(id, refresh.refreshedAt()));
      }
    }
    if (token.credential().isExpiredAt(now)) {
      return Either.left(new AuthenticationFailure.TokenExpired(id, token.expiresAt().get()));
    }
    if (principal.status() != Status.ENABLED) {
      return Either.left(new AuthenticationFailure.PrincipalDisabled(id, principal.login()));
    }
    if (token.kind() == TokenKind.PERSONAL && !policy.mayOwnPersonalTokens(principal)) {
      return Either.left(
          new AuthenticationFailure.ProfileNotAllowed(
              id, principal.login(), policy.personalTokenProfiles()));
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
