package dev.tokensmith.adapter.http;

import io.javalin.http.Context;
import io.javalin.http.RequestLogger;
import io.javalin.router.Endpoint;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One line per request (method, target with secrets redacted, status, duration, client address) on
 * the logger {@code dev.tokensmith.http.access}, and the request meter. Never logs headers or
 * bodies.
 */
final class AccessLog implements RequestLogger {
  private static final Logger LOG = LoggerFactory.getLogger("dev.tokensmith.http.access");

  private static final Set<String> KNOWN_METHODS =
      Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE");

  private final HttpMetrics metrics;

  AccessLog(HttpMetrics metrics) {
    this.metrics = metrics;
  }

  @Override
  public void handle(Context ctx, Float executionTimeMs) {
    String method = methodLabel(ctx);
    int status = ctx.statusCode();
    metrics.request(method, route(ctx), status, executionTimeMs);
    if (LOG.isInfoEnabled()) {
      LOG.info(
          "{} {} {} {}ms {}",
          method,
          Redaction.target(ctx.path(), ctx.queryString()),
          status,
          Math.round(executionTimeMs),
          ctx.ip());
    }
  }

  /** The method, or {@code OTHER} for made-up ones (bounded meter tags, clean log lines). */
  private static String methodLabel(Context ctx) {
    String method = ctx.method().name();
    return KNOWN_METHODS.contains(method) ? method : "OTHER";
  }

  /** The matched route template, so that the meter's cardinality stays bounded. */
  private static String route(Context ctx) {
    Endpoint endpoint = ctx.endpoints().matchedHttpEndpoint();
    return endpoint == null || endpoint.path.isEmpty() ? "unmatched" : endpoint.path;
  }
}
