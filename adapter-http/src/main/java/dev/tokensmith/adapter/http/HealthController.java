package dev.tokensmith.adapter.http;

import dev.tokensmith.adapter.http.view.StatusView;
import dev.tokensmith.application.port.in.CheckReadinessUseCase;
import io.javalin.http.Context;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/** Liveness, readiness (the storage answers) and Prometheus metrics. */
final class HealthController {
  static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

  private final CheckReadinessUseCase checkReadiness;
  private final PrometheusMeterRegistry registry;

  HealthController(CheckReadinessUseCase checkReadiness, PrometheusMeterRegistry registry) {
    this.checkReadiness = checkReadiness;
    this.registry = registry;
  }

  void live(Context ctx) {
    ctx.json(StatusView.UP);
  }

  void ready(Context ctx) {
    boolean ready = checkReadiness.isReady();
    if (!ready) {
      ctx.header("Retry-After", "5"); // as every other 503 of the storage (Problems.unavailable)
    }
    ctx.status(ready ? 200 : 503).json(ready ? StatusView.UP : StatusView.DOWN);
  }

  void metrics(Context ctx) {
    ctx.contentType(PROMETHEUS_TEXT).result(registry.scrape());
  }
}
