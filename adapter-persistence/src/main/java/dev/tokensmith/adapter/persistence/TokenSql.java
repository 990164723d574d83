package dev.tokensmith.adapter.persistence;

import java.util.List;
import java.util.stream.Collectors;

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
             created_at, expires_at, use_count, last_used_at, last_used_ip, policy_deadline
      """;

  private static final String FROM_TOKENS = TOKEN_COLUMNS + "FROM tokens\n";

  static final String FIND = FROM_TOKENS + "WHERE id = :id";

  /**
   * One page of personal tokens, newest first: {@code conditions} are fixed fragments of {@link
   * #personalTokenConditions} (never caller text; values are bound), the position is the previous
   * page's last (creation time, id), compared as a row so that the indexes on {@code (created_at,
   * id)} and {@code (owner_user_id, created_at, id)}, read backwards, deliver the rows in order and
   * stop at {@code :limit}.
   */
  static String personalTokensPage(List<String> conditions, boolean after) {
    return FROM_TOKENS
        + "WHERE kind = 'personal'"
        + conditions.stream().map(c -> "\n  AND " + c).collect(Collectors.joining())
        + (after ? "\n  AND (created_at, id) < (:afterAt, :afterId)" : "")
        + "\nORDER BY created_at DESC, id DESC\nLIMIT :limit";
  }

  /** The condition of each filter field of {@code PersonalTokenFilter}, by its bound parameter. */
  static final String OWNER = "owner_user_id = :owner";

  static final String APPLICATION_CONTAINS = "lower(application) LIKE :applicationPattern";
  static final String SCOPE = "scopes @> ARRAY[CAST(:scope AS text)]";
  static final String EXPIRED_BY = "expires_at <= :expiredBy";
  static final String LIVE_AT = "expires_at > :liveAt";
  static final String EXPIRES_BEFORE = "expires_at < :expiresBefore";
  static final String UNUSED_SINCE = "coalesce(last_used_at, created_at) < :unusedSince";

  /** Refused at {@code :stoppedAt} as {@code token_expired}: its expiry or policy deadline. */
  static final String STOPPED = "(expires_at <= :stoppedAt OR policy_deadline <= :stoppedAt)";

  /**
   * Refused at {@code :stoppedAt} as {@code token_expired} or {@code token_inactive}: the last
   * activity (as {@code TokenPolicy.lastActivity}; GREATEST skips nulls) at or before {@code
   * :inactiveBy}.
   */
  static final String STOPPED_OR_INACTIVE =
      "(expires_at <= :stoppedAt OR policy_deadline <= :stoppedAt"
          + " OR GREATEST(created_at, last_used_at, refreshed_at) <= :inactiveBy)";

  /** {@link #STOPPED_OR_INACTIVE} with the start of a tightened inactivity limit. */
  static final String STOPPED_OR_INACTIVE_COUNTING_FROM =
      "(expires_at <= :stoppedAt OR policy_deadline <= :stoppedAt"
          + " OR GREATEST(created_at, last_used_at, refreshed_at, CAST(:inactivityCountsFrom AS"
          + " timestamptz)) <= :inactiveBy)";

  /** One page of application tokens, newest first, on the partial (created_at, id) index. */
  static String applicationTokensPage(boolean after) {
    return FROM_TOKENS
        + "WHERE kind = 'application'"
        + (after ? "\n  AND (created_at, id) < (:afterAt, :afterId)" : "")
        + "\nORDER BY created_at DESC, id DESC\nLIMIT :limit";
  }

  /**
   * How many rows a statement would return, counting at most {@code :cap} of them: reads at most
   * {@code :cap} index entries however large the table.
   */
  static String countUpTo(String from) {
    return "SELECT count(*) FROM (SELECT 1 " + from + " LIMIT :cap) AS capped";
  }

  /** The rows of a count: every condition but the position, no order. */
  static String personalTokensWhere(List<String> conditions) {
    return "FROM tokens WHERE kind = 'personal'"
        + conditions.stream().map(c -> " AND " + c).collect(Collectors.joining());
  }

  static final String APPLICATION_TOKENS_WHERE = "FROM tokens WHERE kind = 'application'";

  static final String APPLICATION_TOKEN_BY_LOGIN =
      FROM_TOKENS + "WHERE kind = 'application' AND login = :login";

  /**
   * The authentication read: the token with what the decision needs of its owner (status and
   * profiles, as they are now: copies kept by migration V5's triggers) and the token policy (the
   * one row of {@code token_policy}, so that a change applies at the next authentication on every
   * instance without a second statement), or no row. One primary-key probe: every relation a
   * statement touches costs the server about as much as the probe. The owner's contact and
   * organization are read only by the routes that show them, and a tombstone only when the token is
   * not found ({@link #TOMBSTONE}).
   */
  static final String LOOKUP =
      """
      SELECT t.id, t.kind, t.owner_user_id, t.owner_login, t.application, t.login, t.status,
             t.organization_id, t.organization_name, t.profiles, t.scopes, t.digest,
             t.previous_digest, t.refreshed_at, t.created_at, t.expires_at, t.use_count,
             t.last_used_at, t.last_used_ip, t.policy_deadline, t.owner_status, t.owner_profiles,
             """
          + PolicyRows.COLUMNS
          + """

          FROM tokens t LEFT JOIN token_policy p ON p.id = 1
          WHERE t.id = :id
          """;

  /**
   * One page of every token, newest first, with the owner's profiles (the copy on the row): what
   * the token policy judges.
   */
  static String policySubjectsPage(boolean after) {
    return TOKEN_COLUMNS
        + ", owner_profiles\nFROM tokens"
        + (after ? "\nWHERE (created_at, id) < (:afterAt, :afterId)" : "")
        + "\nORDER BY created_at DESC, id DESC\nLIMIT :limit";
  }

  static final String SET_POLICY_DEADLINE =
      "UPDATE tokens SET policy_deadline = :deadline WHERE id = ANY(CAST(:ids AS uuid[]))";

  /** The tombstone of a deleted token. */
  static final String TOMBSTONE =
      "SELECT id, deleted_at, cause FROM token_tombstones WHERE id = :id";

  /** Inserts a token unless its id is a tombstone's (ids are never reused). */
  static final String ADD =
      """
      INSERT INTO tokens (id, kind, owner_user_id, application, login, status, organization_id,
                          profiles, scopes, digest, previous_digest, refreshed_at, created_at,
                          expires_at, use_count, last_used_at, last_used_ip, policy_deadline)
      SELECT CAST(:id AS uuid), CAST(:kind AS text), CAST(:ownerUserId AS bigint),
             CAST(:application AS text), CAST(:login AS text), CAST(:status AS text),
             CAST(:organizationId AS bigint), CAST(:profiles AS text[]), CAST(:scopes AS text[]),
             CAST(:digest AS text), CAST(:previousDigest AS text),
             CAST(:refreshedAt AS timestamptz), CAST(:createdAt AS timestamptz),
             CAST(:expiresAt AS timestamptz), CAST(:useCount AS bigint),
             CAST(:lastUsedAt AS timestamptz), CAST(:lastUsedIp AS text),
             CAST(:policyDeadline AS timestamptz)
      WHERE NOT EXISTS (SELECT 1 FROM token_tombstones WHERE id = CAST(:id AS uuid))
      """;

  /**
   * Replaces settings, digest, refresh and principal fields, never the usage columns, if the digest
   * is still the one the caller read (so a concurrent refresh is never overwritten). A policy
   * deadline is never cleared here (one set by a concurrent policy change would be lost): {@code
   * TokenStore.setPolicyDeadline} clears it.
   */
  static final String UPDATE =
      """
      UPDATE tokens
      SET application = :application, status = :status, organization_id = :organizationId,
          profiles = :profiles, scopes = :scopes, digest = :digest,
          previous_digest = :previousDigest, refreshed_at = :refreshedAt, expires_at = :expiresAt,
          policy_deadline = COALESCE(CAST(:policyDeadline AS timestamptz), policy_deadline)
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
