package dev.tokensmith.application.port.in;

import dev.tokensmith.domain.session.SessionKey;
import java.time.Instant;

/**
 * A web UI session that has just started: its key (the cookie value, shown once), the CSRF token
 * the page's scripts send back, and when it expires at the latest.
 */
public record StartedSession(SessionKey key, String csrfToken, Instant expiresAt) {
  @Override
  public String toString() {
    return "StartedSession[key=redacted, csrfToken=redacted, expiresAt=" + expiresAt + "]";
  }
}
