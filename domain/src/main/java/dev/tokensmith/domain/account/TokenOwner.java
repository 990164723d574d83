package dev.tokensmith.domain.account;

import io.vavr.control.Option;
import java.util.Objects;
import java.util.Set;

/**
 * The user who owns a personal token, as authentication reads it: who they are and what they may do
 * at this moment (status, profiles), without their contact and organization, which only the pages
 * that show them load (as a {@link User}).
 */
public record TokenOwner(UserId id, String login, Status status, Set<Profile> profiles)
    implements Principal {
  public TokenOwner {
    Objects.requireNonNull(id, "id");
    login = Logins.required(login);
    Objects.requireNonNull(status, "status");
    profiles = Set.copyOf(profiles);
  }

  @Override
  public Option<UserId> userId() {
    return Option.some(id);
  }
}
