package dev.tokensmith.adapter.persistence;

import dev.tokensmith.domain.token.TokenKind;

/** The SQL of {@link JdbiTokenStore}. */
final class TokenSql {
  private TokenSql() {}

  /**
   * The columns of {@link Rows.TokenRow}. The owner's login and the organization's name are the
   * copies the tokens row carries (migration V5 keeps them equal to their source rows), so no token
   * read joins another table.
   */
  private static final String TOKEN_COLUMNS =
      """
      SELECT id, kind, owner_user_id, owner_login, application, login, status, organization_id,
             organization_name, profiles, scopes, digest, previous_digest, refreshed_at,
             created_at, expires_at, use_count, last_used_at, last_used_ip
      """;

  private static final String FROM_TOKENS = TOKEN_COLUMNS + "FROM tokens\n";

  static final String FIND = FROM_TOKENS + "WHERE id = :id";

  static final String PERSONAL_TOKENS_OF =
      FROM_TOKENS
          + """
          WHERE kind = 'personal' AND owner_user_id = :owner
          ORDER BY created_at, id
          """;

  /** The kind is a literal so that even a generic plan can use the partial index. */
  private static String tokensOfKind(TokenKind kind) {
    return FROM_TOKENS + "WHERE kind = '" + kind.code() + "' ORDER BY created_at, id";
  }

  static final String PERSONAL_TOKENS = tokensOfKind(TokenKind.PERSONAL);

  static final String APPLICATION_TOKENS = tokensOfKind(TokenKind.APPLICATION);

  static final String APPLICATION_TOKEN_BY_LOGIN =
      FROM_TOKENS + "WHERE kind = 'application' AND login = :login";

  /**
   * The authentication read: the token with what the decision needs of its owner (status and
   * profiles, as they are now: copies kept by migration V5's triggers), or no row. One table, one
   * primary-key probe: every relation a statement touches costs the server about as much as the
   * probe. The owner's contact and organization are read only by the routes that show them, and a
   * tombstone only when the token is not found ({@link #TOMBSTONE}).
   */
  static final String LOOKUP =
      TOKEN_COLUMNS + ", owner_status, owner_profiles\nFROM tokens\nWHERE id = :id";

  /** The tombstone of a deleted token. */
  static final String TOMBSTONE =
      "SELECT id, deleted_at, cause FROM token_tombstones WHERE id = :id";

  /** Inserts a token unless its id is a tombstone's (ids are never reused). */
  static final String ADD =
      """
      INSERT INTO tokens (id, kind, owner_user_id, application, login, status, organization_id,
                          profiles, scopes, digest, previous_digest, refreshed_at, created_at,
                          expires_at, use_count, last_used_at, last_used_ip)
      SELECT CAST(:id AS uuid), CAST(:kind AS text), CAST(:ownerUserId AS bigint),
             CAST(:application AS text), CAST(:login AS text), CAST(:status AS text),
             CAST(:organizationId AS bigint), CAST(:profiles AS text[]), CAST(:scopes AS text[]),
             CAST(:digest AS text), CAST(:previousDigest AS text),
             CAST(:refreshedAt AS timestamptz), CAST(:createdAt AS timestamptz),
             CAST(:expiresAt AS timestamptz), CAST(:useCount AS bigint),
             CAST(:lastUsedAt AS timestamptz), CAST(:lastUsedIp AS text)
      WHERE NOT EXISTS (SELECT 1 FROM token_tombstones WHERE id = CAST(:id AS uuid))
      """;

  /**
   * Replaces settings, digest, refresh and principal fields, never the usage columns, if the digest
   * is still the one the caller read (so a concurrent refresh is never overwritten).
   */
  static final String UPDATE =
      """
      UPDATE tokens
      SET application = :application, status = :status, organization_id = :organizationId,
          profiles = :profiles, scopes = :scopes, digest = :digest,
          previous_digest = :previousDigest, refreshed_at = :refreshedAt, expires_at = :expiresAt
      WHERE id = :id AND kind = :kind AND digest = :expectedDigest
      """;

  static final String EXISTS =
      "SELECT EXISTS (SELECT 1 FROM tokens WHERE id = :id AND kind = CAST(:kind AS text))";

  /**
   * Adds the coalesced uses of many tokens in one statement (ids, counts, latest times as ISO-8601
   * text and their addresses, as parallel arrays); the last use time and address only move forward,
   * so batches arriving out of order (e.g. from two instances) keep the latest. Deleted tokens have
   * no row, so their uses are dropped.
   */
  static final String RECORD_USES =
      """
      UPDATE tokens t
      SET use_count = t.use_count + v.uses,
          last_used_at = CASE WHEN t.last_used_at IS NULL OR t.last_used_at <= v.at
                              THEN v.at ELSE t.last_used_at END,
          last_used_ip = CASE WHEN t.last_used_at IS NULL OR t.last_used_at <= v.at
                              THEN v.address ELSE t.last_used_ip END
      FROM unnest(CAST(:ids AS uuid[]), CAST(:counts AS bigint[]),
                  CAST(:times AS timestamptz[]), CAST(:addresses AS text[]))
           AS v(id, uses, at, address)
      WHERE t.id = v.id
      """;

  /**
   * Moves the matching tokens to tombstones and drops their failure log, in one statement; {@code
   * :condition} is filled in by {@link #deleting(String)}.
   */
  private static final String DELETE_TEMPLATE =
      """
      WITH gone AS (
          DELETE FROM tokens t WHERE %s
          RETURNING t.id, t.kind, t.owner_user_id, COALESCE(t.owner_login, t.login) AS login
      ), forgotten AS (
          DELETE FROM authentication_failures WHERE token_id IN (SELECT id FROM gone)
      )
      INSERT INTO token_tombstones (id, kind, deleted_at, cause, owner_user_id, owner_login)
      SELECT g.id, g.kind, CAST(:at AS timestamptz), CAST(:cause AS text), g.owner_user_id, g.login
      FROM gone g
      RETURNING id, deleted_at, cause
      """;

  private static String deleting(String condition) {
    return DELETE_TEMPLATE.formatted(condition);
  }

  static final String DELETE = deleting("t.id = :id");

  static final String DELETE_PERSONAL_TOKENS_OF =
      deleting("t.kind = 'personal' AND t.owner_user_id = :owner");
}
