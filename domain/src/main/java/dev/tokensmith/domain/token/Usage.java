package dev.tokensmith.domain.token;

import io.vavr.control.Option;
import java.time.Instant;
import java.util.Objects;

/** How often and when a token last authenticated successfully, and from which address. */
public record Usage(long useCount, Option<Instant> lastUsedAt, Option<String> lastUsedIp) {
  public static final Usage NEVER = new Usage(0, Option.none(), Option.none());

  public Usage {
    if (useCount < 0) {
      throw new IllegalArgumentException("a use count is not negative");
    }
    Objects.requireNonNull(lastUsedAt, "lastUsedAt");
    Objects.requireNonNull(lastUsedIp, "lastUsedIp");
  }

  /** This usage after one more successful authentication. */
  public Usage recorded(Instant at, String address) {
    return new Usage(useCount + 1, Option.some(at), Option.of(address));
  }
}
