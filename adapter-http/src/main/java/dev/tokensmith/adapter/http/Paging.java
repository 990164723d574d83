package dev.tokensmith.adapter.http;

import dev.tokensmith.application.port.in.Page;
import dev.tokensmith.application.port.in.PageRequest;
import io.javalin.http.Context;
import io.vavr.control.Option;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The paging of every list: {@code limit} and {@code cursor} query parameters in; the page's items
 * as the JSON array body, and headers saying how to go on: {@code Link: <…>; rel="next"} and {@code
 * X-Next-Cursor} (both absent on the last page); on the first page only, {@code X-Total-Count} with
 * {@code X-Total-Count-Exact: false} when that total is the database's estimate.
 */
final class Paging {
  static final String NEXT_CURSOR = "X-Next-Cursor";
  static final String TOTAL_COUNT = "X-Total-Count";
  static final String TOTAL_COUNT_EXACT = "X-Total-Count-Exact";

  private Paging() {}

  /** The page a request asks for; a {@code limit} that is not a whole number is invalid input. */
  static PageRequest request(Context ctx) {
    Option<String> cursor = RequestReader.text(ctx, "cursor");
    int limit =
        RequestReader.wholeNumber(ctx, "limit", 1, PageRequest.MAX_LIMIT)
            .getOrElse(PageRequest.DEFAULT_LIMIT);
    return new PageRequest(cursor, limit);
  }

  /**
   * Answers with the page: its items through {@code view}, and the link of the next page, which
   * repeats the request's {@code filters} (query parameters, when present) and its limit.
   */
  static <T> void respond(Context ctx, Page<T> page, Function<T, ?> view, List<String> filters) {
    page.next()
        .forEach(
            cursor -> {
              ctx.header(NEXT_CURSOR, cursor);
              ctx.header("Link", "<" + nextLink(ctx, cursor, filters) + ">; rel=\"next\"");
            });
    page.count()
        .forEach(
            count -> {
              ctx.header(TOTAL_COUNT, Long.toString(count.value()));
              ctx.header(TOTAL_COUNT_EXACT, Boolean.toString(count.exact()));
            });
    ctx.json(page.items().stream().map(view).toList());
  }

  /**
   * The next page's path and query: only the list's own parameters are repeated, never anything
   * else the request carried (an {@code auth_token} must not travel into a header).
   */
  private static String nextLink(Context ctx, String cursor, List<String> filters) {
    String query =
        filters.stream()
            .filter(name -> ctx.queryParam(name) != null)
            .map(name -> parameter(name, ctx.queryParam(name)))
            .collect(Collectors.joining("&"));
    String limit = ctx.queryParam("limit");
    return ctx.path()
        + "?"
        + (query.isEmpty() ? "" : query + "&")
        + (limit == null ? "" : parameter("limit", limit) + "&")
        + parameter("cursor", cursor);
  }

  private static String parameter(String name, String value) {
    return name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
