package dev.tokensmith.application.fake;

import dev.tokensmith.application.port.out.SessionStore;
import dev.tokensmith.domain.account.Status;
import dev.tokensmith.domain.account.User;
import dev.tokensmith.domain.account.UserId;
import dev.tokensmith.domain.session.SessionDigest;
import io.vavr.control.Option;
import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/** {@link SessionStore} in memory, reading users from the in-memory account directory. */
public final class InMemorySessionStore implements SessionStore {
  private record Stored(UserId userId, Instant expiresAt, Instant lastSeenAt) {}

  private final InMemoryAccountDirectory accounts;
  private final Map<SessionDigest, Stored> sessions = new HashMap<>();

  public InMemorySessionStore(InMemoryAccountDirectory accounts) {
    this.accounts = accounts;
  }

  @Override
  public synchronized void add(NewSession session) {
    if (sessions.containsKey(session.digest())) {
      throw new IllegalStateException("a session with this digest exists");
    }
    sessions.put(
        session.digest(), new Stored(session.userId(), session.expiresAt(), session.startedAt()));
  }

  @Override
  public synchronized Option<User> activeUser(
      SessionDigest digest, Instant now, Instant idleSince, Instant touchBefore) {
    Stored stored = sessions.get(digest);
    if (stored == null
        || !stored.expiresAt().isAfter(now)
        || !stored.lastSeenAt().isAfter(idleSince)) {
      return Option.none();
    }
    if (stored.lastSeenAt().isBefore(touchBefore)) {
      sessions.put(digest, new Stored(stored.userId(), stored.expiresAt(), now));
    }
    return accounts.user(stored.userId()).filter(user -> user.status() == Status.ENABLED);
  }

  @Override
  public synchronized boolean remove(SessionDigest digest) {
    Stored removed = sessions.remove(digest);
    // a deleted user's sessions went with them, as the database's cascade does
    return removed != null && accounts.user(removed.userId()).isDefined();
  }

  @Override
  public synchronized int removeAllOf(UserId user) {
    int before = sessions.size();
    sessions.values().removeIf(stored -> stored.userId().equals(user));
    return before - sessions.size();
  }

  @Override
  public synchronized int removeEnded(Instant now, Instant idleSince, int max) {
    int removed = 0;
    for (Iterator<Stored> it = sessions.values().iterator(); it.hasNext() && removed < max; ) {
      Stored stored = it.next();
      if (!stored.expiresAt().isAfter(now) || !stored.lastSeenAt().isAfter(idleSince)) {
        it.remove();
        removed++;
      }
    }
    return removed;
  }

  /** How many sessions are stored, ended or not. */
  public synchronized int size() {
    return sessions.size();
  }
}
