package dev.tokensmith.adapter.http;

import dev.tokensmith.application.port.in.UseCaseFailure;
import dev.tokensmith.application.port.out.StorageFailure;
import dev.tokensmith.application.port.out.StorageRefusedInput;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where exceptions become responses: failures of use cases and of authentication, the
 * adapter's refusals, storage outages (503), input the storage refused (400) and everything
 * unexpected (500, logged with an error id that the response names, no stack trace in the
 * response).
 */
final class ErrorMapping {
  private static final Logger LOG = LoggerFactory.getLogger(ErrorMapping.class);

  private ErrorMapping() {}

  static void register(RoutesConfig routes) {
    routes.exception(UseCaseFailed.class, (e, ctx) -> write(ctx, Problems.of(e.failure())));
    routes.exception(AuthenticationFailed.class, (e, ctx) -> write(ctx, Problems.of(e.failure())));
    routes.exception(Rejected.class, (e, ctx) -> write(ctx, e.problem()));
    routes.exception(
        StorageFailure.class,
        (e, ctx) -> {
          LOG.warn(
              "storage unavailable during {} {}: {}",
              ctx.method().name(),
              Redaction.path(ctx.path()),
              e.getMessage());
          write(ctx, Problems.storageUnavailable());
        });
    routes.exception(
        StorageRefusedInput.class,
        (e, ctx) -> {
          // the caller's mistake, but one the input rule should have refused: worth a line
          LOG.warn(
              "input refused by the database during {} {}: {}",
              ctx.method().name(),
              Redaction.path(ctx.path()),
              e.getMessage());
          write(ctx, Problems.refusedByStorage());
        });
    routes.exception(
        HttpResponseException.class,
        (e, ctx) -> {
          if (ctx.req().getContentLengthLong() != 0) {
            // refused before its body was read (no route, wrong method): the server drops the
            // unread rest, so the connection cannot serve another request; say so
            ctx.header("Connection", "close");
          }
          write(ctx, fromJavalin(e));
        });
    routes.exception(
        Exception.class,
        (e, ctx) -> {
          String errorId = UUID.randomUUID().toString();
          LOG.error(
              "unexpected failure {} during {} {}",
              errorId,
              ctx.method().name(),
              Redaction.path(ctx.path()),
              e);
          write(ctx, Problems.internalError(errorId));
        });
  }

  /** Javalin's own refusals (no route, body over its limit) in the API's error shape. */
  private static Problem fromJavalin(HttpResponseException e) {
    int status = e.getStatus();
    if (status == HttpStatus.NOT_FOUND.getCode()) {
      return Problems.routeNotFound();
    }
    if (status == HttpStatus.METHOD_NOT_ALLOWED.getCode()) {
      // Javalin lists the methods the path has, under a key that depends on the Accept header
      return Problems.methodNotAllowed(e.getDetails().values().stream().findFirst().orElse(""));
    }
    if (status == HttpStatus.CONTENT_TOO_LARGE.getCode()) {
      return Problems.of(new UseCaseFailure.InvalidInput("body", "body is too large"));
    }
    if (status >= 400 && status < 500) {
      return Problem.of(status, "bad_request", "The request was refused: " + e.getMessage());
    }
    return Problems.internalError();
  }

  static void write(Context ctx, Problem problem) {
    ctx.status(problem.status());
    for (Map.Entry<String, String> header : problem.headers().entrySet()) {
      ctx.header(header.getKey(), header.getValue());
    }
    ctx.json(problem.body());
  }
}
