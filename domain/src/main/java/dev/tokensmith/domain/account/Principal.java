package dev.tokensmith.domain.account;

import io.vavr.control.Option;
import java.util.Set;

/**
 * Who acts when a request is authenticated: a {@link User} (signed in), the {@link TokenOwner} of a
 * personal token, or an application token that is its own principal. Authorization decisions look
 * only at this.
 */
public interface Principal {
  String login();

  Status status();

  Set<Profile> profiles();

  /** The user this principal is, or none for an application token. */
  Option<UserId> userId();

  default boolean holds(Profile profile) {
    return profiles().contains(profile);
  }

  default boolean isAdministrator() {
    return holds(Profile.ADMINISTRATOR);
  }
}
