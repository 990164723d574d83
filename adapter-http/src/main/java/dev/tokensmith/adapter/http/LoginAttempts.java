package dev.tokensmith.adapter.http;

import dev.tokensmith.domain.authentication.AuthenticationFailure;

/**
 * What an {@link ApiExtension} shares with this API when it logs calls in itself: the
 * authentication meters of {@code /metrics}. (The budgets of failed attempts are the use cases'
 * business, shared by every instance.)
 */
public interface LoginAttempts {
  /** A token authenticated (counted on {@code /metrics}). */
  void tokenAuthenticated();

  /** A token was refused for {@code failure} (counted on {@code /metrics}). */
  void tokenRefused(AuthenticationFailure failure);
}
