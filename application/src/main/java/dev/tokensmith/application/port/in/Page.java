package dev.tokensmith.application.port.in;

import io.vavr.control.Option;
import java.util.List;
import java.util.function.Function;

/**
 * One page of a list: its items in the list's order, the cursor of the next page (none on the last
 * page) and, on the first page only (so that going deeper costs no count), how many items the whole
 * list has.
 */
public record Page<T>(List<T> items, Option<String> next, Option<Count> count) {
  public Page {
    items = List.copyOf(items);
  }

  public <R> Page<R> map(Function<? super T, ? extends R> mapper) {
    return new Page<>(items.stream().<R>map(mapper).toList(), next, count);
  }

  /** The size of the whole list: exact when cheap to count, otherwise an estimate. */
  public record Count(long value, boolean exact) {}
}
