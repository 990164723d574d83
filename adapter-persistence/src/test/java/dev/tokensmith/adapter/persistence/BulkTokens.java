package dev.tokensmith.adapter.persistence;

import dev.tokensmith.domain.account.UserId;
import java.time.Instant;
import org.jdbi.v3.core.Handle;

/**
 * Fills the tokens table of a large organization with one statement: {@code count} personal tokens
 * of one owner, one a second from {@code from}, a third of them expiring over the next 90 days, a
 * few used; their digests match no secret.
 */
final class BulkTokens {
  static final String INSERT =
      """
      INSERT INTO tokens (id, kind, owner_user_id, application, scopes, digest, created_at,
                          expires_at, use_count, last_used_at, last_used_ip)
      SELECT gen_random_uuid(), 'personal', :owner, 'script ' || i,
             CASE WHEN i % 4 = 0 THEN ARRAY['rest', 'export'] ELSE ARRAY['rest'] END,
             'hmac-sha256$bulk$' || md5(i::text),
             CAST(:from AS timestamptz) + i * interval '1 second',
             CASE WHEN i % 3 = 0
                  THEN CAST(:from AS timestamptz) + (i % 90) * interval '1 day' END,
             CASE WHEN i % 10 = 0 THEN 1 ELSE 0 END,
             CASE WHEN i % 10 = 0 THEN CAST(:from AS timestamptz) END,
             CASE WHEN i % 10 = 0 THEN '192.0.2.1' END
      FROM generate_series(1, :count) AS i
      """;

  private BulkTokens() {}

  static int insert(Handle handle, UserId owner, int count, Instant from) {
    return handle
        .createUpdate(INSERT)
        .bind("owner", owner.value())
        .bind("count", count)
        .bind("from", from)
        .execute();
  }
}
