package dev.tokensmith.application.port.out;

import dev.tokensmith.domain.account.Profile;
import dev.tokensmith.domain.token.Token;
import io.vavr.control.Option;
import java.util.Objects;
import java.util.Set;

/**
 * A token as the token policy judges it: the token and, for a personal token, its owner's profiles
 * as they are now (none for an application token).
 */
public record PolicySubject(Token token, Option<Set<Profile>> ownerProfiles) {
  public PolicySubject {
    Objects.requireNonNull(token, "token");
    ownerProfiles = ownerProfiles.map(Set::copyOf);
  }
}
