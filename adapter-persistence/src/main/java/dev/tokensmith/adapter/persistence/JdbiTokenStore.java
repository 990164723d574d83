package dev.tokensmith.adapter.persistence;

import dev.tokensmith.application.port.out.TokenLookup;
import dev.tokensmith.application.port.out.TokenStore;
import dev.tokensmith.application.port.out.UsageRecorder;
import dev.tokensmith.domain.account.Principal;
import dev.tokensmith.domain.account.UserId;
import dev.tokensmith.domain.token.ApplicationToken;
import dev.tokensmith.domain.token.Credential;
import dev.tokensmith.domain.token.PersonalToken;
import dev.tokensmith.domain.token.Refresh;
import dev.tokensmith.domain.token.Token;
import dev.tokensmith.domain.token.TokenId;
import dev.tokensmith.domain.token.Tombstone;
import io.vavr.control.Option;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * {@link TokenStore} and {@link UsageRecorder} on PostgreSQL: the authentication read is one
 * primary-key query, usage is counted by the database, deletion leaves a tombstone atomically.
 */
public final class JdbiTokenStore implements TokenStore, UsageRecorder {
  private final Storage storage;

  JdbiTokenStore(Storage storage) {
    this.storage = storage;
  }

  @Override
  public TokenLookup lookup(TokenId id) {
    Rows.LookupRow row =
        storage.read(
            handle ->
                handle
                    .createQuery(TokenSql.LOOKUP)
                    .bind("id", id.uuid())
                    .mapTo(Rows.LookupRow.class)
                    .one());
    return toLookup(id, row);
  }

  static TokenLookup toLookup(TokenId id, Rows.LookupRow row) {
    if (row.token() != null) {
      Token token = row.token().toToken();
      if (token instanceof ApplicationToken application) {
        return new TokenLookup.Found(application, application);
      }
      if (row.owner() != null) {
        Principal owner = row.owner().toUser();
        return new TokenLookup.Found(token, owner);
      }
    }
    if (row.tombstone() != null) {
      return new TokenLookup.Deleted(row.tombstone().toTombstone());
    }
    return new TokenLookup.Unknown(id);
  }

  @Override
  public Option<Token> find(TokenId id) {
    return storage.read(
        handle ->
            Option.ofOptional(
                handle
                    .createQuery(TokenSql.FIND)
                    .bind("id", id.uuid())
                    .mapTo(Rows.TokenRow.class)
                    .findOne()
                    .map(Rows.TokenRow::toToken)));
  }

  @Override
  public List<PersonalToken> personalTokensOf(UserId owner) {
    return storage.read(
        handle ->
            handle
                .createQuery(TokenSql.PERSONAL_TOKENS_OF)
                .bind("owner", owner.value())
                .mapTo(Rows.TokenRow.class)
                .stream()
                .map(row -> (PersonalToken) row.toToken())
                .toList());
  }

  @Override
  public List<PersonalToken> personalTokens() {
    return tokensOf(TokenSql.PERSONAL_TOKENS, PersonalToken.class);
  }

  @Override
  public List<ApplicationToken> applicationTokens() {
    return tokensOf(TokenSql.APPLICATION_TOKENS, ApplicationToken.class);
  }

  private <T extends Token> List<T> tokensOf(String sql, Class<T> type) {
    return storage.read(
        handle ->
            handle.createQuery(sql).mapTo(Rows.TokenRow.class).stream()
                .map(row -> type.cast(row.toToken()))
                .toList());
  }

  @Override
  public Option<ApplicationToken> applicationTokenByLogin(String login) {
    return storage.read(
        handle ->
            Option.ofOptional(
                handle
                    .createQuery(TokenSql.APPLICATION_TOKEN_BY_LOGIN)
                    .bind("login", login)
                    .mapTo(Rows.TokenRow.class)
                    .findOne()
                    .map(row -> (ApplicationToken) row.toToken())));
  }

  @Override
  public void add(Token token) {
    Credential credential = token.credential();
    int added =
        storage.durably(
            handle -> {
              var insert = handle.createUpdate(TokenSql.ADD);
              bindFields(insert, token);
              return insert
                  .bind("createdAt", credential.createdAt())
                  .bind("useCount", credential.usage().useCount())
                  .bind("lastUsedAt", credential.usage().lastUsedAt().getOrNull())
                  .bind("lastUsedIp", credential.usage().lastUsedIp().getOrNull())
                  .execute();
            });
    if (added == 0) {
      throw new IllegalStateException("token id " + token.id() + " belonged to a deleted token");
    }
  }

  @Override
  public boolean update(Token token) {
    return storage.durably(
            handle -> {
              var update = handle.createUpdate(TokenSql.UPDATE);
              bindFields(update, token);
              return update.execute();
            })
        > 0;
  }

  /** Binds what {@link #add} and {@link #update} share: identity, settings, digests, principal. */
  private static void bindFields(SqlStatement<?> statement, Token token) {
    Credential credential = token.credential();
    Option<Refresh> refresh = credential.lastRefresh();
    statement
        .bind("id", token.id().uuid())
        .bind("kind", token.kind().code())
        .bind("scopes", Rows.names(credential.scopes()))
        .bind("digest", credential.digest().encoded())
        .bind("previousDigest", refresh.map(r -> r.previousDigest().encoded()).getOrNull())
        .bind("refreshedAt", refresh.map(Refresh::refreshedAt).getOrNull())
        .bind("expiresAt", credential.expiresAt().getOrNull());
    if (token instanceof PersonalToken personal) {
      statement
          .bind("ownerUserId", personal.ownerId().value())
          .bind("application", personal.application())
          .bindNull("login", java.sql.Types.VARCHAR)
          .bindNull("status", java.sql.Types.VARCHAR)
          .bindNull("organizationId", java.sql.Types.BIGINT)
          .bindNull("profiles", java.sql.Types.ARRAY);
    } else {
      ApplicationToken application = (ApplicationToken) token;
      statement
          .bindNull("ownerUserId", java.sql.Types.BIGINT)
          .bindNull("application", java.sql.Types.VARCHAR)
          .bind("login", application.login())
          .bind("status", application.status().code())
          .bind("organizationId", application.organization().id().value())
          .bind("profiles", Rows.names(application.profiles()));
    }
  }

  @Override
  public Option<Tombstone> delete(TokenId id, Instant at, Tombstone.Cause cause) {
    return storage.durably(
        handle ->
            Option.ofOptional(
                handle
                    .createQuery(TokenSql.DELETE)
                    .bind("id", id.uuid())
                    .bind("at", at)
                    .bind("cause", Rows.code(cause))
                    .mapTo(Rows.TombstoneRow.class)
                    .findOne()
                    .map(Rows.TombstoneRow::toTombstone)));
  }

  @Override
  public List<Tombstone> deletePersonalTokensOf(UserId owner, Instant at) {
    return storage.durably(handle -> deletePersonalTokensOf(handle, owner, at));
  }

  /** Also used by the account directory, inside its own transaction, when it removes a user. */
  static List<Tombstone> deletePersonalTokensOf(Handle handle, UserId owner, Instant at) {
    return handle
        .createQuery(TokenSql.DELETE_PERSONAL_TOKENS_OF)
        .bind("owner", owner.value())
        .bind("at", at)
        .bind("cause", Rows.code(Tombstone.Cause.DELETED))
        .mapTo(Rows.TombstoneRow.class)
        .list()
        .stream()
        .map(Rows.TombstoneRow::toTombstone)
        .toList();
  }

  @Override
  public void recordUse(TokenId id, Instant at, String address) {
    storage.read(
        handle ->
            handle
                .createUpdate(TokenSql.RECORD_USE)
                .bind("id", id.uuid())
                .bind("at", at)
                .bind("address", address)
                .execute());
  }
}
