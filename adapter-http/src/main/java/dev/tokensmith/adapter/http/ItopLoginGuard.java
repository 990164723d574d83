package dev.tokensmith.adapter.http;

import dev.tokensmith.adapter.http.itop.LoginGuard;
import dev.tokensmith.domain.authentication.AuthenticationFailure;

/**
 * Lets {@code webservices/rest.php} share the adapter's limit of failed authentications per address
 * and its authentication meters.
 */
final class ItopLoginGuard implements LoginGuard {
  private final AddressRateLimiter failures;
  private final HttpMetrics metrics;

  ItopLoginGuard(AddressRateLimiter failures, HttpMetrics metrics) {
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
