package dev.tokensmith.domain.token;

import dev.tokensmith.domain.account.Logins;
import dev.tokensmith.domain.account.Organization;
import dev.tokensmith.domain.account.Principal;
import dev.tokensmith.domain.account.Profile;
import dev.tokensmith.domain.account.Status;
import dev.tokensmith.domain.account.UserId;
import io.vavr.control.Option;
import java.util.Objects;
import java.util.Set;

/**
 * A token that is a principal of its own: a remote application with a login, an organization and
 * profiles. Managed by administrators.
 */
public record ApplicationToken(
    Credential credential,
    String login,
    Status status,
    Organization organization,
    Set<Profile> profiles)
    implements Token, Principal {
  public ApplicationToken {
    Objects.requireNonNull(credential, "credential");
    login = Logins.required(login);
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(organization, "organization");
    profiles = Set.copyOf(profiles);
  }

  @Override
  public TokenKind kind() {
    return TokenKind.APPLICATION;
  }

  @Override
  public ApplicationToken withCredential(Credential newCredential) {
    return new ApplicationToken(newCredential, login, status, organization, profiles);
  }

  /** None: an application token acts as itself, not as a user. */
  @Override
  public Option<UserId> userId() {
    return Option.none();
  }

  public ApplicationToken withPrincipal(
      Status newStatus, Organization newOrganization, Set<Profile> newProfiles) {
    return new ApplicationToken(credential, login, newStatus, newOrganization, newProfiles);
  }
}
