package dev.tokensmith.adapter.itop;

import dev.tokensmith.domain.input.StorableText;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.UploadedFile;
import io.vavr.control.Option;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The parameters of one {@code rest.php} call, read the way PHP fills {@code $_REQUEST}: from the
 * query string and, for a POST, from an urlencoded or multipart body (a body field wins over the
 * query, a later occurrence over an earlier one, malformed percent-escapes are kept as they are).
 * Any other body, such as {@code application/json}, is not read. {@code json_data} may also be the
 * uploaded file of a multipart field. A body over the size limit or unreadable is refused (code
 * 100).
 */
final class RestParameters {
  static final String JSON_DATA = "json_data";
  private static final Set<String> UNCHECKED = Set.of(JSON_DATA, "auth_user", "auth_pwd");

  private final Map<String, String> values;
  private final Option<String> jsonDataFile;

  private RestParameters(Map<String, String> values, Option<String> jsonDataFile) {
    this.values = values;
    this.jsonDataFile = jsonDataFile;
  }

  /** The parameters of {@code ctx}, reading at most {@code maxBytes} of body. */
  static RestParameters read(Context ctx, int maxBytes) {
    Map<String, String> values = new HashMap<>();
    String query = ctx.queryString();
    if (query != null) {
      decodeInto(query, values);
    }
    Option<String> file = Option.none();
    if (ctx.method().equals(HandlerType.POST)) {
      if (ctx.isFormUrlencoded()) {
        decodeInto(new String(body(ctx, maxBytes), StandardCharsets.UTF_8), values);
      } else if (ctx.isMultipartFormData()) {
        file = multipartInto(ctx, maxBytes, values);
      }
    }
    return new RestParameters(values, file);
  }

  /** The parameter as sent, possibly empty. */
  Option<String> get(String name) {
    return Option.of(values.get(name));
  }

  /** The parameter when it is sent and not empty (PHP's {@code == null} holds for both). */
  Option<String> nonEmpty(String name) {
    return get(name).filter(value -> !value.isEmpty());
  }

  /**
   * Code 100 naming the parameter when a parameter's name or value breaks {@link StorableText}, the
   * rule for text the database can store. {@code json_data} is checked member by member once
   * decoded ({@link JsonData}); the credentials {@code auth_user} and {@code auth_pwd} by the
   * login, where a malformed one is a failed attempt.
   */
  void refuseUnstorable() {
    for (Map.Entry<String, String> parameter : values.entrySet()) {
      String name = parameter.getKey();
      String problem = StorableText.problem("parameter name", name);
      if (problem == null && !UNCHECKED.contains(name)) {
        problem = StorableText.problem(name, parameter.getValue());
      }
      if (problem != null) {
        throw new RestFailed(RestFailures.unstorable(problem));
      }
    }
  }

  /** {@code json_data}: the field if sent and not empty, else the uploaded file of that name. */
  Option<String> jsonData() {
    return nonEmpty(JSON_DATA).orElse(jsonDataFile.filter(value -> !value.isEmpty()));
  }

  private static byte[] body(Context ctx, int maxBytes) {
    refuseDeclaredLength(ctx, maxBytes);
    try (InputStream in = ctx.req().getInputStream()) {
      byte[] bytes = in.readNBytes(maxBytes + 1);
      if (bytes.length > maxBytes) {
        throw tooLarge(ctx, maxBytes);
      }
      return bytes;
    } catch (IOException unreadable) {
      ctx.header("Connection", "close");
      throw RestFailed.internal("the request body could not be read completely");
    }
  }

  private static Option<String> multipartInto(
      Context ctx, int maxBytes, Map<String, String> values) {
    refuseDeclaredLength(ctx, maxBytes);
    try {
      for (Map.Entry<String, List<String>> field : ctx.formParamMap().entrySet()) {
        List<String> sent = field.getValue();
        if (!sent.isEmpty()) {
          values.put(field.getKey(), sent.get(sent.size() - 1));
        }
      }
      List<UploadedFile> files = ctx.uploadedFiles(JSON_DATA);
      if (files.isEmpty()) {
        return Option.none();
      }
      try (InputStream in = files.get(files.size() - 1).content()) {
        return Option.some(new String(in.readNBytes(maxBytes), StandardCharsets.UTF_8));
      }
    } catch (RestFailed failed) {
      throw failed;
    } catch (Exception malformed) { // Jetty's parser throws checked and unchecked exceptions alike
      ctx.header("Connection", "close");
      throw RestFailed.internal(
          "the request body is not valid multipart/form-data of at most " + maxBytes + " bytes");
    }
  }

  private static void refuseDeclaredLength(Context ctx, int maxBytes) {
    if (ctx.req().getContentLengthLong() > maxBytes) {
      throw tooLarge(ctx, maxBytes);
    }
  }

  /** The rest of the body is not read, so the connection cannot serve another request. */
  private static RestFailed tooLarge(Context ctx, int maxBytes) {
    ctx.header("Connection", "close");
    return RestFailed.internal(
        "the request body is larger than " + maxBytes + " bytes; send at most " + maxBytes);
  }

  /** Adds the pairs of an urlencoded text to {@code values}, later ones winning. */
  static void decodeInto(String urlencoded, Map<String, String> values) {
    for (String pair : urlencoded.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int equals = pair.indexOf('=');
      String name = decode(equals < 0 ? pair : pair.substring(0, equals));
      if (!name.isEmpty()) {
        values.put(name, equals < 0 ? "" : decode(pair.substring(equals + 1)));
      }
    }
  }

  /**
   * Percent-decodes as PHP's {@code urldecode}: {@code +} is a space, {@code %XX} a byte, a {@code
   * %} not followed by two hex digits stays; bytes that are not UTF-8 become U+FFFD.
   */
  static String decode(String encoded) {
    if (encoded.indexOf('%') < 0 && encoded.indexOf('+') < 0) {
      return encoded;
    }
    byte[] utf8 = encoded.getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(utf8.length);
    for (int i = 0; i < utf8.length; i++) {
      byte b = utf8[i];
      if (b == '+') {
        bytes.write(' ');
      } else if (b == '%'
          && i + 2 < utf8.length
          && hex(utf8[i + 1]) >= 0
          && hex(utf8[i + 2]) >= 0) {
        bytes.write(hex(utf8[i + 1]) * 16 + hex(utf8[i + 2]));
        i += 2;
      } else {
        bytes.write(b);
      }
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private static int hex(byte b) {
    if (b >= '0' && b <= '9') {
      return b - '0';
    }
    if (b >= 'a' && b <= 'f') {
      return b - 'a' + 10;
    }
    if (b >= 'A' && b <= 'F') {
      return b - 'A' + 10;
    }
    return -1;
  }
}
