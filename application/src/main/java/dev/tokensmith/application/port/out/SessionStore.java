package dev.tokensmith.application.port.out;

import dev.tokensmith.domain.account.User;
import dev.tokensmith.domain.account.UserId;
import dev.tokensmith.domain.session.SessionDigest;
import io.vavr.control.Option;
import java.time.Instant;

/**
 * Web UI sessions, shared by every instance of the service: each is known by the digest of its key
 * only, belongs to a user, and ends at its expiry or after a time without requests. Removing a user
 * removes their sessions.
 */
public interface SessionStore {
  /** Stores a session that has just started. */
  void add(NewSession session);

  /**
   * The user of the live session with {@code digest} (its expiry after {@code now}, its last
   * request after {@code idleSince}), when that user is enabled; also records {@code now} as the
   * session's last request when the recorded one is before {@code touchBefore}. None otherwise. One
   * round trip to the storage: this is every web UI request's path.
   */
  Option<User> activeUser(
      SessionDigest digest, Instant now, Instant idleSince, Instant touchBefore);

  /** Ends the session with {@code digest}; whether there was one. */
  boolean remove(SessionDigest digest);

  /** Ends every session of {@code user}; how many there were. */
  int removeAllOf(UserId user);

  /**
   * Deletes at most {@code max} sessions that have ended (expired at or before {@code now}, or idle
   * since {@code idleSince}); how many. Several instances may run it at once without waiting for
   * each other.
   */
  int removeEnded(Instant now, Instant idleSince, int max);

  /** A session to store: the digest of its key, its user, when it started and when it expires. */
  record NewSession(SessionDigest digest, UserId userId, Instant startedAt, Instant expiresAt) {}
}
