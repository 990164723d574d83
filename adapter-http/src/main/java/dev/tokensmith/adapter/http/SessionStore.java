package dev.tokensmith.adapter.http;

import dev.tokensmith.domain.account.UserId;
import io.vavr.control.Option;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Web UI sessions, in memory: a random id (the cookie) names the user who logged in and the CSRF
 * token of the session. A session ends after an idle timeout, after a maximum lifetime, at logout,
 * or when the store is full and it is the least recently used.
 */
final class SessionStore {
  /** One web UI session; the id and the CSRF token are secrets and never printed. */
  record Session(String id, UserId userId, String csrfToken, Instant createdAt, Instant lastSeen) {
    boolean acceptsCsrfToken(String presented) {
      return presented != null
          && MessageDigest.isEqual(
              csrfToken.getBytes(StandardCharsets.US_ASCII),
              presented.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
      return "Session[user=" + userId.value() + ", createdAt=" + createdAt + "]";
    }
  }

  private final Duration idleTimeout;
  private final Duration maxLifetime;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();
  private final Map<String, Session> sessions;

  SessionStore(HttpSettings settings) {
    this.idleTimeout = settings.sessionIdleTimeout();
    this.maxLifetime = settings.sessionMaxLifetime();
    this.clock = settings.clock();
    int maxSessions = settings.maxSessions();
    this.sessions =
        new LinkedHashMap<>(16, 0.75f, true) {
          private static final long serialVersionUID = 1L;

          @Override
          protected boolean removeEldestEntry(Map.Entry<String, Session> eldest) {
            return size() > maxSessions;
          }
        };
  }

  synchronized Session create(UserId userId) {
    Instant now = clock.instant();
    Session session = new Session(randomText(), userId, randomText(), now, now);
    sessions.put(session.id(), session);
    return session;
  }

  /** The live session with this id, marked as seen now; none when unknown or ended. */
  synchronized Option<Session> find(String id) {
    if (id == null) {
      return Option.none();
    }
    Session session = sessions.get(id);
    if (session == null) {
      return Option.none();
    }
    Instant now = clock.instant();
    if (!now.isBefore(session.lastSeen().plus(idleTimeout))
        || !now.isBefore(session.createdAt().plus(maxLifetime))) {
      sessions.remove(id);
      return Option.none();
    }
    Session seen =
        new Session(session.id(), session.userId(), session.csrfToken(), session.createdAt(), now);
    sessions.put(id, seen);
    return Option.some(seen);
  }

  synchronized void remove(String id) {
    if (id != null) {
      sessions.remove(id);
    }
  }

  private String randomText() {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
