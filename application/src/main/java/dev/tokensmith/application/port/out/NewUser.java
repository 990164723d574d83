package dev.tokensmith.application.port.out;

import dev.tokensmith.domain.account.Organization;
import dev.tokensmith.domain.account.Profile;
import dev.tokensmith.domain.account.Status;
import java.util.Set;

/** A user to be created, with the contact to create alongside; ids are assigned on creation. */
public record NewUser(
    String login,
    Status status,
    Organization organization,
    Set<Profile> profiles,
    NewPerson contact) {
  public NewUser {
    profiles = Set.copyOf(profiles);
  }
}
