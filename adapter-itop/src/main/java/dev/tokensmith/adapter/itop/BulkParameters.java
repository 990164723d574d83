package dev.tokensmith.adapter.itop;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.vavr.control.Option;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The parameters of a call to one of iTop's bulk endpoints, read as PHP fills {@code $_REQUEST}
 * (query string, then an urlencoded or multipart POST body, a later value winning) but kept as the
 * bytes sent: CSV data may be in another charset than UTF-8, decoded only once the {@code charset}
 * parameter is known. Which names came in the body is remembered, for iTop's POST-only {@code
 * csvdata}. A body over the size limit or unreadable is refused with a sentence saying so.
 */
final class BulkParameters {
  private final Map<String, byte[]> values;
  private final Set<String> posted;

  private BulkParameters(Map<String, byte[]> values, Set<String> posted) {
    this.values = values;
    this.posted = posted;
  }

  /** Why a request's parameters could not be read. */
  static final class Unreadable extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Unreadable(String message) {
      super(message, null, false, false);
    }
  }

  /** The parameters of {@code ctx}, reading at most {@code maxBytes} of body. */
  static BulkParameters read(Context ctx, int maxBytes) {
    Map<String, byte[]> values = new HashMap<>();
    Set<String> posted = new HashSet<>();
    String query = ctx.queryString();
    if (query != null) {
      decodeInto(query.getBytes(StandardCharsets.ISO_8859_1), values, new HashSet<>());
    }
    if (ctx.method().equals(HandlerType.POST)) {
      if (ctx.req().getContentLengthLong() > maxBytes) {
        throw tooLarge(ctx, maxBytes);
      }
      if (ctx.isFormUrlencoded()) {
        decodeInto(body(ctx, maxBytes), values, posted);
      } else if (ctx.isMultipartFormData()) {
        multipartInto(ctx, maxBytes, values, posted);
      }
    }
    return new BulkParameters(values, posted);
  }

  /** The parameter as UTF-8 text, possibly empty; malformed bytes become U+FFFD. */
  Option<String> text(String name) {
    return Option.of(values.get(name)).map(bytes -> new String(bytes, StandardCharsets.UTF_8));
  }

  /** The parameter as text, stripped, when sent and not blank (PHP's {@code trim}, then empty). */
  Option<String> nonBlank(String name) {
    return text(name).map(String::strip).filter(value -> !value.isEmpty());
  }

  /** The bytes of a parameter sent in the POST body (never from the query string). */
  Option<byte[]> postedBytes(String name) {
    return posted.contains(name) ? Option.of(values.get(name)) : Option.none();
  }

  /** Whether {@code name} was sent, in the query string only (not posted). */
  boolean onlyInQuery(String name) {
    return values.containsKey(name) && !posted.contains(name);
  }

  /** Every parameter whose name starts with {@code prefix}, as text, by the rest of the name. */
  Map<String, String> withPrefix(String prefix) {
    Map<String, String> found = new HashMap<>();
    for (String name : values.keySet()) {
      if (name.startsWith(prefix) && name.length() > prefix.length()) {
        found.put(name.substring(prefix.length()), text(name).get());
      }
    }
    return found;
  }

  /** The parameters as text for the shared login of {@link RestLogin}. */
  RestParameters forLogin() {
    Map<String, String> texts = new HashMap<>();
    for (String name : new String[] {"login_mode", "auth_token", "auth_user", "auth_pwd"}) {
      text(name).forEach(value -> texts.put(name, value));
    }
    // the legacy name of the token login
    if ("rest-token".equals(texts.get("login_mode"))) {
      texts.put("login_mode", "token");
    }
    return RestParameters.of(texts);
  }

  private static byte[] body(Context ctx, int maxBytes) {
    try (InputStream in = ctx.req().getInputStream()) {
      byte[] bytes = in.readNBytes(maxBytes + 1);
      if (bytes.length > maxBytes) {
        throw tooLarge(ctx, maxBytes);
      }
      return bytes;
    } catch (IOException unreadable) {
      ctx.header("Connection", "close");
      throw new Unreadable("the request body could not be read completely");
    }
  }

  private static void multipartInto(
      Context ctx, int maxBytes, Map<String, byte[]> values, Set<String> posted) {
    try {
      ctx.formParamMap(); // sets up the multipart parsing of the servlet request
      long total = 0;
      for (Part part : ctx.req().getParts()) {
        try (InputStream in = part.getInputStream()) {
          byte[] bytes = in.readNBytes(maxBytes + 1);
          total += bytes.length;
          if (total > maxBytes) {
            throw tooLarge(ctx, maxBytes);
          }
          values.put(part.getName(), bytes);
          posted.add(part.getName());
        }
      }
    } catch (Unreadable refused) {
      throw refused;
    } catch (Exception malformed) { // Jetty's parser throws checked and unchecked exceptions alike
      ctx.header("Connection", "close");
      throw new Unreadable(
          "the request body is not valid multipart/form-data of at most " + maxBytes + " bytes");
    }
  }

  private static Unreadable tooLarge(Context ctx, int maxBytes) {
    ctx.header("Connection", "close");
    return new Unreadable(
        "the request body is larger than " + maxBytes + " bytes; send at most " + maxBytes);
  }

  /** Adds the pairs of urlencoded bytes, percent-decoded to bytes, later ones winning. */
  static void decodeInto(byte[] urlencoded, Map<String, byte[]> values, Set<String> names) {
    int start = 0;
    for (int i = 0; i <= urlencoded.length; i++) {
      if (i == urlencoded.length || urlencoded[i] == '&') {
        if (i > start) {
          int equals = -1;
          for (int j = start; j < i; j++) {
            if (urlencoded[j] == '=') {
              equals = j;
              break;
            }
          }
          int nameEnd = equals < 0 ? i : equals;
          String name = new String(decode(urlencoded, start, nameEnd), StandardCharsets.UTF_8);
          if (!name.isEmpty()) {
            values.put(name, equals < 0 ? new byte[0] : decode(urlencoded, equals + 1, i));
            names.add(name);
          }
        }
        start = i + 1;
      }
    }
  }

  /** PHP's {@code urldecode} to bytes: {@code +} a space, {@code %XX} a byte, a lone % kept. */
  private static byte[] decode(byte[] in, int from, int to) {
    // straight into an array: a CSV of 10 000 rows is a million bytes, each once through here
    byte[] bytes = new byte[to - from];
    int length = 0;
    for (int i = from; i < to; i++) {
      byte b = in[i];
      if (b == '+') {
        bytes[length++] = ' ';
      } else if (b == '%' && i + 2 < to && hex(in[i + 1]) >= 0 && hex(in[i + 2]) >= 0) {
        bytes[length++] = (byte) (hex(in[i + 1]) * 16 + hex(in[i + 2]));
        i += 2;
      } else {
        bytes[length++] = b;
      }
    }
    return length == bytes.length ? bytes : Arrays.copyOf(bytes, length);
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
