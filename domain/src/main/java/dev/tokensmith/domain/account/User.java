package dev.tokensmith.domain.account;

import io.vavr.control.Option;
import java.util.Objects;
import java.util.Set;

/** A person's account: the owner of personal tokens and of a web UI session. */
public record User(
    UserId id,
    String login,
    Status status,
    Organization organization,
    Person contact,
    Set<Profile> profiles)
    implements Principal {
  public User {
    Objects.requireNonNull(id, "id");
    login = Logins.required(login);
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(organization, "organization");
    Objects.requireNonNull(contact, "contact");
    profiles = Set.copyOf(profiles);
  }

  @Override
  public Option<UserId> userId() {
    return Option.some(id);
  }

  /** This user as the owner of a personal token (what authentication reads of them). */
  public TokenOwner asTokenOwner() {
    return new TokenOwner(id, login, status, profiles);
  }

  public User withStatus(Status newStatus) {
    return new User(id, login, newStatus, organization, contact, profiles);
  }

  public User withProfiles(Set<Profile> newProfiles) {
    return new User(id, login, status, organization, contact, newProfiles);
  }

  public User withOrganization(Organization newOrganization) {
    return new User(id, login, status, newOrganization, contact, profiles);
  }

  public User withContact(Person newContact) {
    return new User(id, login, status, organization, newContact, profiles);
  }
}
