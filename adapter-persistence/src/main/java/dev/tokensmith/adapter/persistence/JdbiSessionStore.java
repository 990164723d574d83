package dev.tokensmith.adapter.persistence;

import dev.tokensmith.application.port.out.SessionStore;
import dev.tokensmith.domain.account.User;
import dev.tokensmith.domain.account.UserId;
import dev.tokensmith.domain.session.SessionDigest;
import io.vavr.control.Option;
import java.time.Instant;

/**
 * {@link SessionStore} on PostgreSQL (table {@code web_sessions}): a session request is one
 * statement that checks the session, records the request when the recorded one is stale and reads
 * the user; ended sessions are deleted in small batches, each instance skipping rows another one
 * has locked.
 */
public final class JdbiSessionStore implements SessionStore {
  static final String ADD =
      """
      INSERT INTO web_sessions (key_digest, user_id, started_at, expires_at, last_seen_at)
      VALUES (:digest, :userId, :startedAt, :expiresAt, :startedAt)
      """;

  /**
   * The live session's enabled user; the data-modifying CTE runs whether or not it is referenced,
   * and writes only when the recorded request is older than {@code :touchBefore}.
   */
  static final String ACTIVE_USER =
      """
      WITH live AS (
          SELECT user_id FROM web_sessions
          WHERE key_digest = :digest AND expires_at > :now AND last_seen_at > :idleSince
      ), touched AS (
          UPDATE web_sessions SET last_seen_at = :now
          WHERE key_digest = :digest AND expires_at > :now AND last_seen_at > :idleSince
            AND last_seen_at < :touchBefore
      )
      """
          + AccountSql.SELECT_USERS
          + "JOIN live ON live.user_id = u.id WHERE u.status = 'enabled'";

  static final String REMOVE = "DELETE FROM web_sessions WHERE key_digest = :digest";

  static final String REMOVE_ALL_OF = "DELETE FROM web_sessions WHERE user_id = :userId";

  static final String REMOVE_ENDED =
      """
      DELETE FROM web_sessions WHERE key_digest IN (
          SELECT key_digest FROM web_sessions
          WHERE expires_at <= :now OR last_seen_at <= :idleSince
          LIMIT :max
          FOR UPDATE SKIP LOCKED)
      """;

  private final Storage storage;

  JdbiSessionStore(Storage storage) {
    this.storage = storage;
  }

  @Override
  public void add(NewSession session) {
    storage.durably(
        handle ->
            handle
                .createUpdate(ADD)
                .bind("digest", session.digest().value())
                .bind("userId", session.userId().value())
                .bind("startedAt", session.startedAt())
                .bind("expiresAt", session.expiresAt())
                .execute());
  }

  @Override
  public Option<User> activeUser(
      SessionDigest digest, Instant now, Instant idleSince, Instant touchBefore) {
    return storage.read(
        handle ->
            Option.ofOptional(
                handle
                    .createQuery(ACTIVE_USER)
                    .bind("digest", digest.value())
                    .bind("now", now)
                    .bind("idleSince", idleSince)
                    .bind("touchBefore", touchBefore)
                    .mapTo(Rows.UserRow.class)
                    .findOne()
                    .map(Rows.UserRow::toUser)));
  }

  @Override
  public boolean remove(SessionDigest digest) {
    return storage.durably(
            handle -> handle.createUpdate(REMOVE).bind("digest", digest.value()).execute())
        > 0;
  }

  @Override
  public int removeAllOf(UserId user) {
    return storage.durably(
        handle -> handle.createUpdate(REMOVE_ALL_OF).bind("userId", user.value()).execute());
  }

  @Override
  public int removeEnded(Instant now, Instant idleSince, int max) {
    return storage.inTransaction(
        handle ->
            handle
                .createUpdate(REMOVE_ENDED)
                .bind("now", now)
                .bind("idleSince", idleSince)
                .bind("max", max)
                .execute());
  }
}
