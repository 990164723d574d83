package dev.tokensmith.adapter.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tokensmith.domain.token.TokenId;
import io.javalin.http.Context;
import io.vavr.control.Option;
import java.util.List;
import java.util.Set;

/** What controllers read from a request: JSON bodies, form fields, path and query parameters. */
final class RequestReader {
  private final RequestBodies bodies;
  private final ObjectMapper mapper;

  RequestReader(RequestBodies bodies, ObjectMapper mapper) {
    this.bodies = bodies;
    this.mapper = mapper;
  }

  JsonFields json(Context ctx, Set<String> allowed) {
    return JsonFields.read(ctx, bodies, mapper, allowed);
  }

  /** A field of an urlencoded or multipart body that must be there, once. */
  String requiredFormField(Context ctx, String name) {
    List<String> values = bodies.form(ctx).getOrDefault(name, List.of());
    if (values.isEmpty() || values.get(0).isBlank()) {
      throw UseCaseFailed.invalidInput(
          name, name + " is required, as a field of an application/x-www-form-urlencoded body");
    }
    if (values.size() > 1) {
      throw UseCaseFailed.invalidInput(name, name + " must be sent once");
    }
    return values.get(0).strip();
  }

  /** The token id in the path: the 22 base62 characters of {@link TokenId#text()}. */
  static TokenId tokenId(Context ctx) {
    return TokenId.parse(ctx.pathParam("id"))
        .getOrElseThrow(
            () ->
                UseCaseFailed.invalidInput(
                    "id", "id must be a token id: 22 letters and digits, as listed"));
  }

  /** An optional {@code true}/{@code false} query parameter (absent: false). */
  static boolean flag(Context ctx, String name) {
    String value = ctx.queryParam(name);
    if (value == null || value.equals("false")) {
      return false;
    }
    if (value.equals("true")) {
      return true;
    }
    throw UseCaseFailed.invalidInput(name, name + " must be true or false");
  }

  /** An optional whole-number query parameter from {@code min} to {@code max}. */
  static Option<Integer> wholeNumber(Context ctx, String name, int min, int max) {
    String value = ctx.queryParam(name);
    if (value == null) {
      return Option.none();
    }
    String problem = name + " must be a whole number from " + min + " to " + max;
    if (value.isEmpty()
        || value.length() > 10
        || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw UseCaseFailed.invalidInput(name, problem);
    }
    long number = Long.parseLong(value);
    if (number < min || number > max) {
      throw UseCaseFailed.invalidInput(name, problem);
    }
    return Option.some((int) number);
  }

  /** An optional query parameter that must not be blank when present. */
  static Option<String> text(Context ctx, String name) {
    String value = ctx.queryParam(name);
    if (value == null) {
      return Option.none();
    }
    if (value.isBlank()) {
      throw UseCaseFailed.invalidInput(name, name + " must not be blank");
    }
    return Option.some(value.strip());
  }
}
