package dev.tokensmith.adapter.http.view;

import io.vavr.control.Option;
import java.time.Instant;

/** Times as the API writes them: ISO-8601 UTC instants, or null. */
final class Times {
  private Times() {}

  static String iso(Instant instant) {
    return instant.toString();
  }

  static String isoOrNull(Option<Instant> instant) {
    return instant.map(Instant::toString).getOrNull();
  }
}
