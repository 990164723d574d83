package dev.tokensmith.adapter.http;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Requests Jetty refuses before Javalin sees them (a malformed path, headers too large) get the
 * API's JSON error shape too, never an HTML page, and never an echo of the request.
 */
final class JettyErrors extends ErrorHandler {
  @Override
  protected void generateResponse(
      Request request,
      Response response,
      int code,
      String message,
      Throwable cause,
      Callback callback) {
    String error = code >= 500 ? "internal_error" : "bad_request";
    String sentence =
        code >= 500
            ? "Something went wrong on our side; it was logged."
            : "The request is malformed ("
                + code
                + " "
                + HttpStatus.getMessage(code)
                + "): check its path, query string and headers.";
    byte[] body =
        ("{\"error\":\"" + error + "\",\"reason\":null,\"message\":\"" + sentence + "\"}")
            .getBytes(StandardCharsets.UTF_8);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
    response.getHeaders().put("X-Content-Type-Options", "nosniff");
    response.getHeaders().put("Referrer-Policy", "no-referrer");
    response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
    response.write(true, ByteBuffer.wrap(body), callback);
  }
}
