package dev.tokensmith.domain.authentication;

import dev.tokensmith.domain.account.Principal;
import dev.tokensmith.domain.account.Profile;
import dev.tokensmith.domain.token.Scope;
import dev.tokensmith.domain.token.Token;
import dev.tokensmith.domain.token.TokenKind;
import java.util.Set;

/**
 * The installation's authentication settings: which profiles may own personal tokens, and iTop's
 * {@code secure_rest_services} and {@code allow_rest_services_via_tokens}.
 */
public record AuthenticationPolicy(
    Set<Profile> personalTokenProfiles,
    boolean secureRestServices,
    boolean allowRestServicesViaTokens) {

  /** Defaults: Administrator and REST Services User own personal tokens; REST secured. */
  public static final AuthenticationPolicy DEFAULT =
      new AuthenticationPolicy(
          Set.of(Profile.ADMINISTRATOR, Profile.REST_SERVICES_USER), true, false);

  public AuthenticationPolicy {
    personalTokenProfiles = Set.copyOf(personalTokenProfiles);
    if (personalTokenProfiles.isEmpty()) {
      throw new IllegalArgumentException("at least one profile may own personal tokens");
    }
  }

  /** Whether {@code principal} may own (and keep using) personal tokens. */
  public boolean mayOwnPersonalTokens(Principal principal) {
    return principal.profiles().stream().anyMatch(personalTokenProfiles::contains);
  }

  /**
   * Whether a call to an endpoint requiring {@code required} passes the REST-services profile rule.
   * Only REST endpoints are concerned.
   */
  public boolean passesRestProfileRule(Scope required, Token token, Principal principal) {
    if (!required.equals(Scope.REST) || !secureRestServices) {
      return true;
    }
    if (allowRestServicesViaTokens && token.kind() == TokenKind.PERSONAL) {
      return true;
    }
    return principal.holds(Profile.REST_SERVICES_USER);
  }
}
