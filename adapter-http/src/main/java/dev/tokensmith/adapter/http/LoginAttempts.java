package dev.tokensmith.adapter.http;

import dev.tokensmith.domain.authentication.AuthenticationFailure;

/**
 * What an {@link ApiExtension} shares with this API when it logs calls in itself: the limit of
 * failed authentications per client address, and the authentication meters of {@code /metrics}.
 */
public interface LoginAttempts {
  /** Seconds until {@code address} may try again, or 0 when it may now. Spends nothing. */
  long retryAfterSeconds(String address);

  /** A login or token from {@code address} was refused: spends one of its attempts. */
  void failedAttempt(String address);

  /** A token authenticated (counted on {@code /metrics}). */
  void tokenAuthenticated();

  /** A token was refused for {@code failure} (counted on {@code /metrics}). */
  void tokenRefused(AuthenticationFailure failure);
}
