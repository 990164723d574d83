package dev.tokensmith.domain.account;

import java.util.Set;

/**
 * Who acts when a request is authenticated: a {@link User}, or an application token that is its own
 * principal. Authorization decisions look only at this.
 */
public interface Principal {
  String login();

  Status status();

  Organization organization();

  Set<Profile> profiles();

  default boolean holds(Profile profile) {
    return profiles().contains(profile);
  }

  default boolean isAdministrator() {
    return holds(Profile.ADMINISTRATOR);
  }
}
