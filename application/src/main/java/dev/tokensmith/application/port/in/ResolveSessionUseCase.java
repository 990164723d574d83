package dev.tokensmith.application.port.in;

import dev.tokensmith.domain.account.User;
import dev.tokensmith.domain.account.UserId;
import io.vavr.control.Option;

/**
 * The user behind a web UI session, as they are now: none when the user was deleted or disabled
 * since logging in.
 */
public interface ResolveSessionUseCase {
  Option<User> activeUser(UserId id);
}
