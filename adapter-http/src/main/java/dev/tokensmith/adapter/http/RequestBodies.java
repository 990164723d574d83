package dev.tokensmith.adapter.http;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a request body once, within the size limit, and keeps it for the rest of the request (the
 * token transports and the controller may both need it). A body over the limit, unreadable or
 * malformed is a 400 naming {@code body}.
 */
final class RequestBodies {
  private static final String BYTES = RequestBodies.class.getName() + ".bytes";
  private static final String FORM = RequestBodies.class.getName() + ".form";

  private final int maxBytes;

  RequestBodies(int maxBytes) {
    this.maxBytes = maxBytes;
  }

  byte[] bytes(Context ctx) {
    byte[] cached = ctx.attribute(BYTES);
    if (cached != null) {
      return cached;
    }
    checkDeclaredLength(ctx);
    byte[] bytes;
    try (InputStream in = ctx.req().getInputStream()) {
      bytes = in.readNBytes(maxBytes + 1);
    } catch (IOException unreadable) {
      closeAfterResponse(ctx);
      throw UseCaseFailed.invalidInput("body", "body could not be read completely");
    }
    if (bytes.length > maxBytes) {
      closeAfterResponse(ctx);
      throw tooLarge();
    }
    ctx.attribute(BYTES, bytes);
    return bytes;
  }

  /** The fields of an urlencoded or multipart body; none for any other body. */
  Map<String, List<String>> form(Context ctx) {
    Map<String, List<String>> cached = ctx.attribute(FORM);
    if (cached != null) {
      return cached;
    }
    Map<String, List<String>> fields;
    if (ctx.isFormUrlencoded()) {
      fields = urlencoded(new String(bytes(ctx), StandardCharsets.UTF_8));
    } else if (ctx.isMultipartFormData()) {
      fields = multipart(ctx);
    } else {
      fields = Map.of();
    }
    StorableInput.checkForm(fields);
    ctx.attribute(FORM, fields);
    return fields;
  }

  private Map<String, List<String>> multipart(Context ctx) {
    checkDeclaredLength(ctx);
    try {
      return Map.copyOf(ctx.formParamMap());
    } catch (Exception malformed) { // Jetty's parser throws unchecked and checked exceptions alike
      closeAfterResponse(ctx);
      throw UseCaseFailed.invalidInput(
          "body", "body is not valid multipart/form-data of at most " + maxBytes + " bytes");
    }
  }

  private static Map<String, List<String>> urlencoded(String body) {
    Map<String, List<String>> fields = new LinkedHashMap<>();
    if (body.isEmpty()) {
      return fields;
    }
    try {
      for (String pair : body.split("&")) {
        if (pair.isEmpty()) {
          continue;
        }
        int equals = pair.indexOf('=');
        String name =
            URLDecoder.decode(
                equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
        String value =
            equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
        fields.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
      }
    } catch (IllegalArgumentException malformed) {
      throw UseCaseFailed.invalidInput(
          "body", "body is not valid application/x-www-form-urlencoded");
    }
    return fields;
  }

  private void checkDeclaredLength(Context ctx) {
    if (ctx.req().getContentLengthLong() > maxBytes) {
      closeAfterResponse(ctx);
      throw tooLarge();
    }
  }

  /**
   * The rest of a refused body is not read, so the connection cannot serve another request: say so,
   * or a client may reuse it and fail.
   */
  private static void closeAfterResponse(Context ctx) {
    ctx.header("Connection", "close");
  }

  private UseCaseFailed tooLarge() {
    return UseCaseFailed.invalidInput("body", "body must be at most " + maxBytes + " bytes");
  }

  /**
   * Refuses a path with a broken percent-encoding before the router decodes it (which would throw).
   */
  static void checkPath(Context ctx) {
    String path = ctx.path();
    for (int i = path.indexOf('%'); i >= 0; i = path.indexOf('%', i + 1)) {
      if (i + 2 >= path.length() || !isHex(path.charAt(i + 1)) || !isHex(path.charAt(i + 2))) {
        throw UseCaseFailed.invalidInput("path", "path has a malformed percent-encoding");
      }
    }
  }

  private static boolean isHex(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }
}
