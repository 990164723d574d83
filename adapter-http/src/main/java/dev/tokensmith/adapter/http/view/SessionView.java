package dev.tokensmith.adapter.http.view;

/** The answer to a web UI login: the value to send back in {@code X-CSRF-Token}. */
public record SessionView(String csrfToken) {
  @Override
  public String toString() {
    return "SessionView[csrfToken=redacted]";
  }
}
