package dev.tokensmith.adapter.http;

import dev.tokensmith.domain.authentication.AuthenticationFailure;

/**
 * The {@link LoginAttempts} this API shares with its extensions: its limit of failed
 * authentications per address and its authentication meters.
 */
final class SharedLoginAttempts implements LoginAttempts {
  private final AddressRateLimiter failures;
  private final HttpMetrics metrics;

  SharedLoginAttempts(AddressRateLimiter failures, HttpMetrics metrics) {
    this.failures = failures;
    this.metrics = metrics;
  }

  @Override
  public long retryAfterSeconds(String address) {
    return failures.retryAfterSeconds(address);
  }

  @Override
  public void failedAttempt(String address) {
    failures.spend(address);
  }

  @Override
  public void tokenAuthenticated() {
    metrics.authenticationSucceeded();
  }

  @Override
  public void tokenRefused(AuthenticationFailure failure) {
    metrics.authenticationFailed(failure);
  }
}
