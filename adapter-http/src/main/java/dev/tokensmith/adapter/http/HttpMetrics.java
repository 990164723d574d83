package dev.tokensmith.adapter.http;

import dev.tokensmith.domain.authentication.AuthenticationFailure;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;

/**
 * The adapter's meters: requests by method, route template and status ({@code
 * http_server_requests_seconds}), token authentications by outcome and reason ({@code
 * tokensmith_authentications_total}) and web UI logins by outcome ({@code
 * tokensmith_logins_total}).
 */
final class HttpMetrics {
  private final MeterRegistry registry;
  private final Counter succeeded;

  HttpMetrics(MeterRegistry registry) {
    this.registry = registry;
    // registered once: building and looking up a meter on every authenticated request costs
    this.succeeded = authentication("success", "none");
  }

  void request(String method, String route, int status, float milliseconds) {
    Timer.builder("http.server.requests")
        .description("HTTP requests by method, route template and status")
        .tag("method", method)
        .tag("route", route)
        .tag("status", Integer.toString(status))
        .register(registry)
        .record((long) (milliseconds * 1_000_000L), TimeUnit.NANOSECONDS);
  }

  void authenticationSucceeded() {
    succeeded.increment();
  }

  void authenticationFailed(AuthenticationFailure failure) {
    authentication("failure", failure.reason().code()).increment();
  }

  void login(boolean succeeded) {
    Counter.builder("tokensmith.logins")
        .description("Web UI logins by outcome")
        .tag("outcome", succeeded ? "success" : "failure")
        .register(registry)
        .increment();
  }

  private Counter authentication(String outcome, String reason) {
    return Counter.builder("tokensmith.authentications")
        .description("Token authentications by outcome and reason")
        .tag("outcome", outcome)
        .tag("reason", reason)
        .register(registry);
  }
}
