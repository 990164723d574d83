package dev.tokensmith.adapter.itop;

import dev.tokensmith.domain.authentication.AuthenticationFailure;

/**
 * What {@code rest.php} shares with the rest of the HTTP adapter around each login: the limit of
 * failed attempts per client address and the authentication meters.
 */
public interface LoginGuard {
  /** Seconds until {@code address} may try to log in again; 0 when it may now. */
  long retryAfterSeconds(String address);

  /** A failed attempt from {@code address}: a token that does not work, a wrong password. */
  void failedAttempt(String address);

  /** A token authenticated. */
  void tokenAuthenticated();

  /** A token was refused for {@code failure}. */
  void tokenRefused(AuthenticationFailure failure);
}
