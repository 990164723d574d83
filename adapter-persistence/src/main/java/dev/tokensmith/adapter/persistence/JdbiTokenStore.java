package dev.tokensmith.adapter.persistence;

import dev.tokensmith.application.port.out.Counted;
import dev.tokensmith.application.port.out.PersonalTokenFilter;
import dev.tokensmith.application.port.out.PolicySubject;
import dev.tokensmith.application.port.out.TokenLookup;
import dev.tokensmith.application.port.out.TokenPosition;
import dev.tokensmith.application.port.out.TokenStore;
import dev.tokensmith.application.port.out.UsageRecorder;
import dev.tokensmith.domain.account.Profile;
import dev.tokensmith.domain.account.TokenOwner;
import dev.tokensmith.domain.account.UserId;
import dev.tokensmith.domain.policy.TokenPolicy;
import dev.tokensmith.domain.token.ApplicationToken;
import dev.tokensmith.domain.token.Credential;
import dev.tokensmith.domain.token.PersonalToken;
import dev.tokensmith.domain.token.Refresh;
import dev.tokensmith.domain.token.SecretDigest;
import dev.tokensmith.domain.token.Token;
import dev.tokensmith.domain.token.TokenId;
import dev.tokensmith.domain.token.Tombstone;
import dev.tokensmith.domain.token.Usage;
import io.vavr.control.Option;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.SqlStatement;
import org.jspecify.annotations.Nullable;

/**
 * {@link TokenStore} and {@link UsageRecorder} on PostgreSQL: the authentication read is one
 * primary-key query, deletion leaves a tombstone atomically. Uses are coalesced in memory ({@link
 * PendingUses}) and written by a background flusher, all pending tokens in one statement; every
 * read of this store adds the uses still pending, so it is exact on this instance, and other
 * instances see them after the next flush. {@link #close()} writes what is pending.
 */
public final class JdbiTokenStore implements TokenStore, UsageRecorder, AutoCloseable {
  private final Storage storage;
  private final PendingUses pending;

  JdbiTokenStore(Storage storage, PendingUses.Settings usage) {
    this.storage = storage;
    this.pending = new PendingUses(this::writeUses, usage);
  }

  @Override
  public TokenLookup lookup(TokenId id) {
    return pending.read(() -> storage.read(handle -> lookup(handle, id)), this::withPending);
  }

  /** A token row read by the lookup and the token policy read beside it. */
  private record Looked(Rows.LookupRow row, Option<TokenPolicy> policy) {}

  /**
   * The token policy last read beside a token. Not a cache that can go stale: every lookup reads
   * the policy's version in the same statement and parses the policy columns again when it differs,
   * so a change made through any instance applies at the next authentication here.
   */
  private volatile @Nullable TokenPolicy lastPolicy;

  private Looked looked(ResultSet row) throws SQLException {
    Rows.LookupRow lookupRow = Rows.LookupRow.read(row);
    int first = 1 + Rows.TokenRow.COLUMNS + 2;
    Option<Long> version = PolicyRows.version(row, first);
    if (version.isEmpty()) {
      return new Looked(lookupRow, Option.none());
    }
    TokenPolicy known = lastPolicy;
    if (known == null || known.version() != version.get()) {
      known = PolicyRows.read(row, first);
      lastPolicy = known;
    }
    return new Looked(lookupRow, Option.some(known));
  }

  /** One statement when the token exists (the hot path); a second one only when it does not. */
  private TokenLookup lookup(Handle handle, TokenId id) {
    Optional<Looked> looked =
        handle
            .createQuery(TokenSql.LOOKUP)
            .bind("id", id.uuid())
            .map((row, context) -> looked(row))
            .findOne();
    if (looked.isPresent()) {
      Rows.LookupRow row = looked.get().row();
      Option<TokenPolicy> policy = looked.get().policy();
      Token token = row.token().toToken();
      if (token instanceof ApplicationToken application) {
        return new TokenLookup.Found(application, application, policy);
      }
      Option<TokenOwner> owner = row.owner();
      return owner.isDefined()
          ? new TokenLookup.Found(token, owner.get(), policy)
          : new TokenLookup.Unknown(id);
    }
    return Option.ofOptional(
            handle
                .createQuery(TokenSql.TOMBSTONE)
                .bind("id", id.uuid())
                .mapTo(Rows.TombstoneRow.class)
                .findOne())
        .<TokenLookup>map(tombstone -> new TokenLookup.Deleted(tombstone.toTombstone()))
        .getOrElse(() -> new TokenLookup.Unknown(id));
  }

  private TokenLookup withPending(TokenLookup lookup) {
    if (!(lookup instanceof TokenLookup.Found found)) {
      return lookup;
    }
    Token token = withPending(found.token());
    if (token == found.token()) {
      return lookup;
    }
    // an application token is its own principal
    return new TokenLookup.Found(
        token,
        token instanceof ApplicationToken application ? application : found.principal(),
        found.policy());
  }

  @SuppressWarnings("unchecked")
  private <T extends Token> T withPending(T token) {
    Usage stored = token.usage();
    Usage usage = pending.withPending(token.id(), stored);
    return usage == stored ? token : (T) token.withCredential(token.credential().withUsage(usage));
  }

  private <T extends Token> List<T> withPending(List<T> tokens) {
    return tokens.stream().map(this::withPending).toList();
  }

  @Override
  public Option<Token> find(TokenId id) {
    return pending.read(
        () ->
            storage.read(
                handle ->
                    Option.ofOptional(
                        handle
                            .createQuery(TokenSql.FIND)
                            .bind("id", id.uuid())
                            .mapTo(Rows.TokenRow.class)
                            .findOne()
                            .map(Rows.TokenRow::toToken))),
        found -> found.map(this::withPending));
  }

  @Override
  public List<PersonalToken> personalTokens(
      PersonalTokenFilter filter, Option<TokenPosition> after, int limit) {
    ListQueries.Conditions conditions = ListQueries.Conditions.of(filter);
    return page(
        TokenSql.personalTokensPage(conditions.sql(), after.isDefined()),
        conditions,
        after,
        limit,
        PersonalToken.class);
  }

  @Override
  public Counted countPersonalTokens(PersonalTokenFilter filter, int exactUpTo) {
    ListQueries.Conditions range =
        ListQueries.Conditions.of(PersonalTokenFilter.NONE.withOwner(filter.owner()));
    ListQueries.Conditions matching = ListQueries.Conditions.of(filter);
    String rangeRows = TokenSql.personalTokensWhere(range.sql());
    String matchingRows = TokenSql.personalTokensWhere(matching.sql());
    return storage.read(
        handle -> {
          // the owner's tokens (or every token) are counted only up to the bound: an index range
          long inRange = ListQueries.countUpTo(handle, rangeRows, range, exactUpTo + 1L);
          if (inRange <= exactUpTo) {
            return new Counted(
                filter.isOwnerOnly()
                    ? inRange
                    : ListQueries.countUpTo(handle, matchingRows, matching, exactUpTo + 1L),
                true);
          }
          long estimate = ListQueries.estimate(handle, matchingRows, matching);
          // more than the bound are known to be there
          return new Counted(
              filter.isOwnerOnly() ? Math.max(estimate, exactUpTo + 1L) : estimate, false);
        });
  }

  @Override
  public List<ApplicationToken> applicationTokens(Option<TokenPosition> after, int limit) {
    return page(
        TokenSql.applicationTokensPage(after.isDefined()),
        ListQueries.Conditions.of(PersonalTokenFilter.NONE),
        after,
        limit,
        ApplicationToken.class);
  }

  @Override
  public Counted countApplicationTokens(int exactUpTo) {
    ListQueries.Conditions none = ListQueries.Conditions.of(PersonalTokenFilter.NONE);
    return storage.read(
        handle -> {
          long counted =
              ListQueries.countUpTo(
                  handle, TokenSql.APPLICATION_TOKENS_WHERE, none, exactUpTo + 1L);
          return counted <= exactUpTo
              ? new Counted(counted, true)
              : new Counted(
                  Math.max(
                      counted,
                      ListQueries.estimate(handle, TokenSql.APPLICATION_TOKENS_WHERE, none)),
                  false);
        });
  }

  /** At most {@code limit} rows of one page, streamed from the database into the page's list. */
  private <T extends Token> List<T> page(
      String sql,
      ListQueries.Conditions conditions,
      Option<TokenPosition> after,
      int limit,
      Class<T> type) {
    return pending.read(
        () ->
            storage.read(
                handle -> {
                  var query = conditions.bind(handle.createQuery(sql)).bind("limit", limit);
                  after.forEach(
                      position ->
                          query
                              .bind("afterAt", position.createdAt())
                              .bind("afterId", position.id().uuid()));
                  try (Stream<Rows.TokenRow> rows = query.mapTo(Rows.TokenRow.class).stream()) {
                    return rows.map(row -> type.cast(row.toToken())).toList();
                  }
                }),
        this::withPending);
  }

  @Override
  public Option<ApplicationToken> applicationTokenByLogin(String login) {
    return pending.read(
        () ->
            storage.read(
                handle ->
                    Option.ofOptional(
                        handle
                            .createQuery(TokenSql.APPLICATION_TOKEN_BY_LOGIN)
                            .bind("login", login)
                            .mapTo(Rows.TokenRow.class)
                            .findOne()
                            .map(row -> (ApplicationToken) row.toToken()))),
        found -> found.map(this::withPending));
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
  public UpdateOutcome update(Token token, SecretDigest expected) {
    return storage.durably(
        handle -> {
          var update = handle.createUpdate(TokenSql.UPDATE);
          bindFields(update, token);
          if (update.bind("expectedDigest", expected.encoded()).execute() > 0) {
            return UpdateOutcome.UPDATED;
          }
          boolean exists =
              handle
                  .createQuery(TokenSql.EXISTS)
                  .bind("id", token.id().uuid())
                  .bind("kind", token.kind().code())
                  .mapTo(Boolean.class)
                  .one();
          return exists ? UpdateOutcome.CHANGED_MEANWHILE : UpdateOutcome.NOT_FOUND;
        });
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
        .bind("expiresAt", credential.expiresAt().getOrNull())
        .bind("policyDeadline", credential.policyDeadline().map(Instant::toString).getOrNull());
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
    Option<Tombstone> deleted =
        storage.durably(
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
    // a deleted token's pending uses are dropped, as the flush would drop them
    deleted.forEach(tombstone -> pending.forget(List.of(tombstone.id())));
    return deleted;
  }

  @Override
  public List<Tombstone> deletePersonalTokensOf(UserId owner, Instant at) {
    List<Tombstone> deleted = storage.durably(handle -> deletePersonalTokensOf(handle, owner, at));
    pending.forget(deleted.stream().map(Tombstone::id).toList());
    return deleted;
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
  public List<PolicySubject> policySubjects(Option<TokenPosition> after, int limit) {
    return pending.read(
        () ->
            storage.read(
                handle -> {
                  var query =
                      handle
                          .createQuery(TokenSql.policySubjectsPage(after.isDefined()))
                          .bind("limit", limit);
                  after.forEach(
                      position ->
                          query
                              .bind("afterAt", position.createdAt())
                              .bind("afterId", position.id().uuid()));
                  return query
                      .map(
                          (row, context) -> {
                            Token token = Rows.TokenRow.readAt(row, 1).toToken();
                            java.sql.Array profiles = row.getArray(1 + Rows.TokenRow.COLUMNS);
                            Option<Set<Profile>> owner = Option.none();
                            if (token instanceof PersonalToken) {
                              Set<Profile> held = new HashSet<>();
                              if (profiles != null) {
                                for (String name : (String[]) profiles.getArray()) {
                                  held.add(new Profile(name));
                                }
                              }
                              owner = Option.some(held);
                            }
                            if (profiles != null) {
                              profiles.free();
                            }
                            return new PolicySubject(token, owner);
                          })
                      .list();
                }),
        subjects ->
            subjects.stream()
                .map(s -> new PolicySubject(withPending(s.token()), s.ownerProfiles()))
                .toList());
  }

  @Override
  public void setPolicyDeadline(Collection<TokenId> ids, Option<Instant> deadline) {
    if (ids.isEmpty()) {
      return;
    }
    UUID[] uuids = ids.stream().map(TokenId::uuid).toArray(UUID[]::new);
    storage.durably(
        handle ->
            handle
                .createUpdate(TokenSql.SET_POLICY_DEADLINE)
                .bind("ids", uuids)
                .bind("deadline", deadline.getOrNull())
                .execute());
  }

  /** Counts the use in memory; the flusher writes it (see {@link PendingUses}). */
  @Override
  public void recordUse(TokenId id, Instant at, String address) {
    pending.record(id, at, address);
  }

  /** Writes every pending use now (normally the flusher does, every flush interval). */
  public void flushUses() {
    pending.flush();
  }

  /**
   * One statement for the whole batch, and one recording the addresses each token had not been used
   * from (for the notification of a first use from a new address), committed durably together.
   */
  private void writeUses(List<PendingUses.Entry> entries) {
    int size = entries.size();
    UUID[] ids = new UUID[size];
    Long[] counts = new Long[size];
    String[] times = new String[size];
    String[] addresses = new String[size];
    for (int i = 0; i < size; i++) {
      PendingUses.Entry entry = entries.get(i);
      ids[i] = entry.id().uuid();
      counts[i] = entry.count();
      times[i] = entry.lastAt().toString();
      addresses[i] = entry.lastAddress();
    }
    storage.durably(
        handle -> {
          handle
              .createUpdate(TokenSql.RECORD_USES)
              .bind("ids", ids)
              .bind("counts", counts)
              .bind("times", times)
              .bind("addresses", addresses)
              .execute();
          // a first use from an address notifies, off the request path (docs/notifications.md)
          return handle
              .createUpdate(JdbiNotificationStore.NEW_ADDRESSES)
              .bind("ids", ids)
              .bind("times", times)
              .bind("addresses", addresses)
              .execute();
        });
  }

  /** How many tokens have uses waiting for the next flush. */
  public int pendingUseTokens() {
    return pending.pendingTokens();
  }

  /** Flushes of usage counts that committed, since start. */
  public long usageFlushes() {
    return pending.flushes();
  }

  /** Flushes of usage counts the database refused (the uses stayed pending), since start. */
  public long failedUsageFlushes() {
    return pending.failedFlushes();
  }

  /**
   * Uses refused (their requests answered 503) because too many tokens had uses pending while
   * flushes kept failing.
   */
  public long refusedUses() {
    return pending.refusedUses();
  }

  /** Stops the flusher and writes the pending uses; call before the pool closes. */
  @Override
  public void close() {
    pending.close();
  }
}
