package dev.tokensmith.application.port.in;

import dev.tokensmith.domain.account.User;
import dev.tokensmith.domain.session.SessionKey;

/** A live web UI session: its user as they are now, and its key (for the CSRF check). */
public record ActiveSession(User user, SessionKey key) {
  /** Whether {@code presented} is the session's CSRF token. */
  public boolean acceptsCsrfToken(String presented) {
    return key.acceptsCsrfToken(presented);
  }

  public String csrfToken() {
    return key.csrfToken();
  }

  @Override
  public String toString() {
    return "ActiveSession[user=" + user.login() + ", key=redacted]";
  }
}
