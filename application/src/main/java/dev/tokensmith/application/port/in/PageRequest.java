package dev.tokensmith.application.port.in;

import io.vavr.control.Option;

/**
 * Which page of a list to show: the opaque {@code cursor} of the previous page's {@link
 * Page#next()} (none: the first page) and at most {@code limit} items ({@value #DEFAULT_LIMIT} by
 * default, at most {@value #MAX_LIMIT}; the use cases refuse other values as invalid input).
 */
public record PageRequest(Option<String> cursor, int limit) {
  public static final int DEFAULT_LIMIT = 20;
  public static final int MAX_LIMIT = 100;

  /** The first page, of the default size. */
  public static final PageRequest FIRST = new PageRequest(Option.none(), DEFAULT_LIMIT);

  public static PageRequest first(int limit) {
    return new PageRequest(Option.none(), limit);
  }

  public static PageRequest after(String cursor, int limit) {
    return new PageRequest(Option.some(cursor), limit);
  }
}
