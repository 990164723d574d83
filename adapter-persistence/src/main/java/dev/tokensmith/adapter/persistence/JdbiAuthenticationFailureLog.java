package dev.tokensmith.adapter.persistence;

import dev.tokensmith.application.port.out.AuthenticationFailureLog;
import dev.tokensmith.domain.authentication.FailureReason;
import dev.tokensmith.domain.authentication.RecordedFailure;
import dev.tokensmith.domain.token.TokenId;
import java.util.List;

/**
 * {@link AuthenticationFailureLog} on PostgreSQL: failures of stored tokens only, pruned on insert
 * to the newest {@link #KEPT_PER_TOKEN} per token.
 */
public final class JdbiAuthenticationFailureLog implements AuthenticationFailureLog {
  /** Ignores ids without a stored token, so unknown ids cannot fill the table. */
  static final String RECORD =
      """
      INSERT INTO authentication_failures (token_id, failed_at, reason, message, address, endpoint)
      SELECT CAST(:tokenId AS uuid), CAST(:at AS timestamptz), CAST(:reason AS text),
             CAST(:message AS text), CAST(:address AS text), CAST(:endpoint AS text)
      WHERE EXISTS (SELECT 1 FROM tokens WHERE id = CAST(:tokenId AS uuid))
      """;

  static final String PRUNE =
      """
      DELETE FROM authentication_failures
      WHERE id IN (SELECT id FROM authentication_failures
                   WHERE token_id = :tokenId
                   ORDER BY failed_at DESC, id DESC
                   OFFSET :kept)
      """;

  static final String RECENT =
      """
      SELECT failed_at, reason, message, address, endpoint
      FROM authentication_failures
      WHERE token_id = :tokenId
      ORDER BY failed_at DESC, id DESC
      LIMIT :limit
      """;

  private final Storage storage;

  JdbiAuthenticationFailureLog(Storage storage) {
    this.storage = storage;
  }

  @Override
  public void record(TokenId id, RecordedFailure failure) {
    storage.inTransaction(
        handle -> {
          int inserted =
              handle
                  .createUpdate(RECORD)
                  .bind("tokenId", id.uuid())
                  .bind("at", failure.at())
                  .bind("reason", failure.reason().code())
                  .bind("message", failure.message())
                  .bind("address", failure.address())
                  .bind("endpoint", failure.endpoint())
                  .execute();
          if (inserted > 0 && failure.reason() == FailureReason.PROFILE_NOT_ALLOWED) {
            // notifies the owner, once per token and day, in the failure's transaction
            handle
                .createUpdate(JdbiNotificationStore.PROFILE_NOT_ALLOWED)
                .bind("tokenId", id.uuid())
                .bind("at", failure.at())
                .bind("address", failure.address())
                .execute();
          }
          if (inserted > 0) {
            handle
                .createUpdate(PRUNE)
                .bind("tokenId", id.uuid())
                .bind("kept", KEPT_PER_TOKEN)
                .execute();
          }
          return inserted;
        });
  }

  @Override
  public List<RecordedFailure> recent(TokenId id, int limit) {
    return storage.read(
        handle ->
            handle
                .createQuery(RECENT)
                .bind("tokenId", id.uuid())
                .bind("limit", Math.max(0, limit))
                .mapTo(Rows.FailureRow.class)
                .stream()
                .map(Rows.FailureRow::toFailure)
                .toList());
  }
}
