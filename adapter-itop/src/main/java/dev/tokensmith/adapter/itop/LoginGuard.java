package dev.tokensmith.adapter.itop;

import dev.tokensmith.domain.authentication.AuthenticationFailure;

/**
 * What {@code rest.php} shares with the rest of the HTTP adapter around each login: the
 * authentication meters. (The budgets of failed attempts are the use cases' business.)
 */
public interface LoginGuard {
  /** A token authenticated. */
  void tokenAuthenticated();

  /** A token was refused for {@code failure}. */
  void tokenRefused(AuthenticationFailure failure);
}
