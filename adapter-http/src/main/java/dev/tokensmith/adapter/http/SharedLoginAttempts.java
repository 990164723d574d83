package dev.tokensmith.adapter.http;

import dev.tokensmith.domain.authentication.AuthenticationFailure;

/** The {@link LoginAttempts} this API shares with its extensions: its authentication meters. */
final class SharedLoginAttempts implements LoginAttempts {
  private final HttpMetrics metrics;

  SharedLoginAttempts(HttpMetrics metrics) {
    this.metrics = metrics;
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
