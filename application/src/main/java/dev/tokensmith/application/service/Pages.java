package dev.tokensmith.application.service;

import dev.tokensmith.application.port.in.Page;
import dev.tokensmith.application.port.in.PageRequest;
import dev.tokensmith.application.port.in.UseCaseFailure;
import dev.tokensmith.application.port.in.UseCaseFailure.InvalidInput;
import dev.tokensmith.application.port.out.Counted;
import dev.tokensmith.application.port.out.TokenPosition;
import dev.tokensmith.domain.token.Token;
import dev.tokensmith.domain.token.TokenId;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Page sizes and cursors of every list. A cursor is the base64url text of the last item's sort key
 * (a token's creation time and id, a user's login), tagged with the list's kind; it is parsed back
 * into typed values (never into SQL), and anything else is invalid input naming {@code cursor}.
 */
final class Pages {
  /** Lists are counted exactly up to this many rows; beyond, the database's estimate is shown. */
  static final int EXACT_COUNT_UP_TO = 10_000;

  private static final int MAX_CURSOR_LENGTH = 400;
  private static final String TOKENS = "t1";
  private static final String USERS = "u1";
  private static final String BAD_CURSOR =
      "cursor must be the value of \"next\" from a previous page of this list";

  private Pages() {}

  static Either<UseCaseFailure, Integer> limit(PageRequest page) {
    if (page.limit() < 1 || page.limit() > PageRequest.MAX_LIMIT) {
      return Either.left(
          new InvalidInput(
              "limit", "limit must be a whole number from 1 to " + PageRequest.MAX_LIMIT));
    }
    return Either.right(page.limit());
  }

  /** The position a token list's page starts after (none: the first page). */
  static Either<UseCaseFailure, Option<TokenPosition>> tokenPosition(PageRequest page) {
    if (page.cursor().isEmpty()) {
      return Either.right(Option.none());
    }
    Option<String[]> fields = decode(page.cursor().get(), TOKENS, 4);
    if (fields.isEmpty()) {
      return Either.left(badCursor());
    }
    String[] parts = fields.get();
    try {
      Instant at = Instant.ofEpochSecond(Long.parseLong(parts[1]), Integer.parseInt(parts[2]));
      Option<TokenId> id = TokenId.parse(parts[3]);
      if (id.isEmpty() || parts[2].startsWith("-") || parts[2].startsWith("+")) {
        return Either.left(badCursor());
      }
      return Either.right(Option.some(new TokenPosition(at, id.get())));
    } catch (NumberFormatException | DateTimeException | ArithmeticException e) {
      return Either.left(badCursor());
    }
  }

  /** The login a user list's page starts after (none: the first page). */
  static Either<UseCaseFailure, Option<String>> loginPosition(PageRequest page) {
    if (page.cursor().isEmpty()) {
      return Either.right(Option.none());
    }
    return decode(page.cursor().get(), USERS, 2)
        .<Either<UseCaseFailure, Option<String>>>map(parts -> Either.right(Option.some(parts[1])))
        .getOrElse(() -> Either.left(badCursor()));
  }

  /** A page of tokens from the store's {@code limit + 1} rows (the extra one says more follow). */
  static <T extends Token, R> Page<R> ofTokens(
      List<T> rows, int limit, Option<Counted> count, Function<T, R> view) {
    return of(rows, limit, count, view, Pages::tokenCursor);
  }

  /** A page of users from the store's {@code limit + 1} rows. */
  static <T, R> Page<R> of(
      List<T> rows,
      int limit,
      Option<Counted> count,
      Function<T, R> view,
      Function<T, String> cursor) {
    boolean more = rows.size() > limit;
    List<T> items = more ? rows.subList(0, limit) : rows;
    Option<String> next = more ? Option.some(cursor.apply(items.get(limit - 1))) : Option.none();
    return new Page<>(
        items.stream().map(view).toList(),
        next,
        count.map(counted -> new Page.Count(counted.value(), counted.exact())));
  }

  /** The size of the list, counted by {@code count} on its first page only. */
  static Option<Counted> countOnFirstPage(PageRequest page, Supplier<Counted> count) {
    return page.cursor().isEmpty() ? Option.some(count.get()) : Option.none();
  }

  static String tokenCursor(Token token) {
    Instant at = token.credential().createdAt();
    return encode(TOKENS, at.getEpochSecond() + ":" + at.getNano() + ":" + token.id().text());
  }

  static String userCursor(String login) {
    return encode(USERS, login);
  }

  static UseCaseFailure badCursor() {
    return new InvalidInput("cursor", BAD_CURSOR);
  }

  private static String encode(String kind, String key) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString((kind + ":" + key).getBytes(StandardCharsets.UTF_8));
  }

  /** The {@code parts} colon-separated fields of a cursor of {@code kind}, the last one whole. */
  private static Option<String[]> decode(String cursor, String kind, int parts) {
    if (cursor.length() > MAX_CURSOR_LENGTH) {
      return Option.none();
    }
    try {
      byte[] bytes = Base64.getUrlDecoder().decode(cursor);
      String text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
      if (text.indexOf('\0') >= 0) {
        return Option.none();
      }
      String[] fields = text.split(":", parts);
      if (fields.length != parts || !fields[0].equals(kind) || fields[parts - 1].isEmpty()) {
        return Option.none();
      }
      return Option.some(fields);
    } catch (IllegalArgumentException | CharacterCodingException e) {
      return Option.none();
    }
  }
}
