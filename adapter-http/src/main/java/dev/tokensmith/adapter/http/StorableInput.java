package dev.tokensmith.adapter.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tokensmith.domain.input.StorableText;
import io.javalin.http.Context;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Applies {@link StorableText}, the rule for text the database can store, where input enters this
 * adapter: path and query parameters and headers before the route runs, every name and value of a
 * JSON or form body when it is read. A breach is a 400 naming the field; the value is never echoed.
 * Routes of an {@link ApiExtension} are left to the extension, which answers in its own shape.
 */
final class StorableInput {
  private StorableInput() {}

  /** The before-matched handler: path parameters, query parameters and header values. */
  static void check(Context ctx) {
    if (ctx.routeRoles().contains(Access.SELF_AUTHENTICATED)) {
      return;
    }
    for (Map.Entry<String, String> parameter : ctx.pathParamMap().entrySet()) {
      refuse(parameter.getKey(), parameter.getValue());
    }
    Map<String, List<String>> query;
    try {
      query = ctx.queryParamMap();
    } catch (IllegalArgumentException malformed) {
      throw UseCaseFailed.invalidInput("query", "query string has a malformed percent-encoding");
    }
    for (Map.Entry<String, List<String>> parameter : query.entrySet()) {
      refuse("query parameter", parameter.getKey());
      for (String value : parameter.getValue()) {
        refuse(parameter.getKey(), value);
      }
    }
    for (String name : Collections.list(ctx.req().getHeaderNames())) {
      for (String value : Collections.list(ctx.req().getHeaders(name))) {
        // header sizes are bounded by the server; only the characters matter here
        String problem = StorableText.problem("header " + name, value, Integer.MAX_VALUE);
        if (problem != null) {
          throw UseCaseFailed.invalidInput("header " + name, problem);
        }
      }
    }
  }

  /** Every field name and text value of a form body. */
  static void checkForm(Map<String, List<String>> fields) {
    for (Map.Entry<String, List<String>> field : fields.entrySet()) {
      refuse("body", field.getKey());
      for (String value : field.getValue()) {
        refuse(field.getKey(), value);
      }
    }
  }

  /** Every member name and text value of a JSON body, named by its path ({@code contact.name}). */
  static void checkJson(JsonNode node) {
    checkJson("", node);
  }

  private static void checkJson(String path, JsonNode node) {
    if (node.isTextual()) {
      refuse(path.isEmpty() ? "body" : path, node.textValue());
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        checkJson(path + "[" + i + "]", node.get(i));
      }
    } else if (node.isObject()) {
      for (Map.Entry<String, JsonNode> member : node.properties()) {
        refuse(path.isEmpty() ? "body" : path, member.getKey());
        checkJson(
            path.isEmpty() ? member.getKey() : path + "." + member.getKey(), member.getValue());
      }
    }
  }

  private static void refuse(String field, String value) {
    String problem = StorableText.problem(field, value);
    if (problem != null) {
      throw UseCaseFailed.invalidInput(field, problem);
    }
  }
}
