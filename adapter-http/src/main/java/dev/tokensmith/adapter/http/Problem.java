package dev.tokensmith.adapter.http;

import dev.tokensmith.adapter.http.view.ErrorView;
import java.util.LinkedHashMap;
import java.util.Map;

/** An error response: its status, the JSON error body and any extra headers. */
record Problem(int status, ErrorView body, Map<String, String> headers) {
  Problem {
    headers = Map.copyOf(headers);
  }

  static Problem of(int status, String error, String message) {
    return new Problem(status, new ErrorView(error, null, message), Map.of());
  }

  Problem withHeader(String name, String value) {
    Map<String, String> more = new LinkedHashMap<>(headers);
    more.put(name, value);
    return new Problem(status, body, more);
  }
}
