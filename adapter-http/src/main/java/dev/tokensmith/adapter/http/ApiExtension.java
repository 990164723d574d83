package dev.tokensmith.adapter.http;

import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.util.List;
import java.util.Objects;

/**
 * Routes another adapter serves on this API's server (iTop's {@code webservices/…}) that log each
 * call in themselves: this API's authentication leaves them alone, while its security headers,
 * request limits, access log and error pages still apply. They share this API's {@link
 * LoginAttempts}.
 */
@FunctionalInterface
public interface ApiExtension {
  /** The routes, built with the shared limit of failed logins. */
  List<Route> routes(LoginAttempts attempts);

  /** One route: {@code method} on {@code path} answered by {@code handler}. */
  record Route(HandlerType method, String path, Handler handler) {
    public Route {
      Objects.requireNonNull(method, "method");
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(handler, "handler");
    }
  }
}
