package dev.tokensmith.adapter.persistence;

import static dev.tokensmith.application.contract.ContractFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokensmith.application.contract.ContractFixtures;
import dev.tokensmith.application.port.out.TokenLookup;
import dev.tokensmith.domain.account.Organization;
import dev.tokensmith.domain.account.Profile;
import dev.tokensmith.domain.account.Status;
import dev.tokensmith.domain.account.TokenOwner;
import dev.tokensmith.domain.account.User;
import dev.tokensmith.domain.authentication.FailureReason;
import dev.tokensmith.domain.authentication.RecordedFailure;
import dev.tokensmith.domain.token.ApplicationToken;
import dev.tokensmith.domain.token.PersonalToken;
import dev.tokensmith.domain.token.TokenId;
import dev.tokensmith.domain.token.Tombstone;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/** What the contracts do not say but PostgreSQL must get right: plans, constraints, cascades. */
class PostgresSpecificsTest {
  private final PostgresAdapters adapters = TestDatabase.adapters();

  @Test
  void everyLookupTheServicesMakeUsesAnIndex() {
    Map<String, Map<String, Object>> queries = new LinkedHashMap<>();
    UUID id = UUID.randomUUID();
    queries.put(TokenSql.LOOKUP, Map.of("id", id));
    queries.put(TokenSql.TOMBSTONE, Map.of("id", id));
    queries.put(TokenSql.FIND, Map.of("id", id));
    queries.put(TokenSql.applicationTokensPage(false), Map.of("limit", 21));
    queries.put(
        TokenSql.applicationTokensPage(true), Map.of("limit", 21, "afterAt", T0, "afterId", id));
    queries.put(TokenSql.APPLICATION_TOKEN_BY_LOGIN, Map.of("login", "x"));
    queries.put(
        TokenSql.RECORD_USES,
        Map.of(
            "ids", new UUID[] {id, UUID.randomUUID()},
            "counts", new Long[] {3L, 1L},
            "times", new String[] {Instant.now().toString(), Instant.now().toString()},
            "addresses", new String[] {"192.0.2.1", "2001:db8::1"}));
    queries.put(AccountSql.USER_BY_ID, Map.of("id", 1L));
    queries.put(AccountSql.USER_BY_LOGIN, Map.of("login", "x"));
    queries.put(AccountSql.USERS, Map.of("limit", 21));
    queries.put(AccountSql.USERS_AFTER, Map.of("limit", 21, "after", "x"));
    queries.put(AccountSql.PASSWORD_HASH, Map.of("id", 1L));
    queries.put(AccountSql.ORGANIZATION_BY_NAME, Map.of("name", "x"));
    queries.put(AccountSql.ORGANIZATIONS, Map.of());
    queries.put(JdbiAuthenticationFailureLog.RECENT, Map.of("tokenId", id, "limit", 5));
    queries.put(JdbiAuthenticationFailureLog.PRUNE, Map.of("tokenId", id, "kept", 50));
    queries.put(JdbiAuditLog.RECENT_FOR, Map.of("ownerLogin", "x", "limit", 5));
    adapters
        .jdbi()
        .useTransaction(
            handle -> {
              // with sequential scans priced out, a query without a usable index still shows one
              handle.execute("SET LOCAL enable_seqscan = off");
              queries.forEach(
                  (sql, parameters) -> {
                    var explain = handle.createQuery("EXPLAIN " + sql);
                    parameters.forEach(explain::bind);
                    String plan = String.join("\n", explain.mapTo(String.class).list());
                    assertThat(plan).as(sql).doesNotContain("Seq Scan");
                  });
            });
  }

  @Test
  void theLookupOfAnExistingTokenIsOneStatementAndOnlyAMissAsksForTheTombstone() {
    User owner = ContractFixtures.user(adapters.accounts(), Profile.REST_SERVICES_USER);
    PersonalToken live = ContractFixtures.personalToken(owner);
    PersonalToken deleted = ContractFixtures.personalToken(owner);
    adapters.tokens().add(live);
    adapters.tokens().add(deleted);
    adapters.tokens().delete(deleted.id(), T0, Tombstone.Cause.DELETED);
    try (var pool = TestDatabase.secondPool();
        PostgresAdapters own = PostgresAdapters.on(pool, Duration.ofMinutes(1))) {
      long before = own.sqlStatements();
      assertThat(own.tokens().lookup(live.id()))
          .isEqualTo(new TokenLookup.Found(live, owner.asTokenOwner()));
      assertThat(own.sqlStatements() - before).isEqualTo(1);

      before = own.sqlStatements();
      assertThat(own.tokens().lookup(deleted.id())).isInstanceOf(TokenLookup.Deleted.class);
      assertThat(own.tokens().lookup(TokenId.of(UUID.randomUUID())))
          .isInstanceOf(TokenLookup.Unknown.class);
      assertThat(own.sqlStatements() - before).isEqualTo(4);
    }
  }

  @Test
  void theCopiesATokenCarriesFollowItsOwnerAndItsOrganization() {
    User owner = ContractFixtures.user(adapters.accounts(), Profile.REST_SERVICES_USER);
    PersonalToken personal = ContractFixtures.personalToken(owner);
    Organization organization = ContractFixtures.organization(adapters.accounts());
    ApplicationToken application = ContractFixtures.applicationToken(organization);
    adapters.tokens().add(personal);
    adapters.tokens().add(application);

    String login = ContractFixtures.unique("renamed");
    String name = ContractFixtures.unique("Renamed Company");
    adapters
        .jdbi()
        .useHandle(
            handle -> {
              // any path that changes the source rows, not only the adapters' own statements
              handle.execute(
                  "UPDATE users SET login = ?, status = 'disabled', profiles = '{}' WHERE id = ?",
                  login,
                  owner.id().value());
              handle.execute(
                  "UPDATE organizations SET name = ? WHERE id = ?",
                  name,
                  organization.id().value());
            });

    TokenLookup.Found found = (TokenLookup.Found) adapters.tokens().lookup(personal.id());
    assertThat(found.principal())
        .isEqualTo(new TokenOwner(owner.id(), login, Status.DISABLED, Set.of()));
    assertThat(((PersonalToken) found.token()).ownerLogin()).isEqualTo(login);
    assertThat(adapters.tokens().find(application.id()).get())
        .isInstanceOfSatisfying(
            ApplicationToken.class,
            token -> assertThat(token.organization().name()).isEqualTo(name));
  }

  @Test
  void aTokenAddedWhileItsOwnerIsBeingDisabledCopiesTheNewStatus() throws Exception {
    User owner = ContractFixtures.user(adapters.accounts(), Profile.REST_SERVICES_USER);
    PersonalToken token = ContractFixtures.personalToken(owner);
    try (var pool = TestDatabase.secondPool();
        Handle disabling = Jdbi.create(pool).open()) {
      disabling.begin();
      disabling.execute("UPDATE users SET status = 'disabled' WHERE id = ?", owner.id().value());

      CompletableFuture<Void> adding =
          CompletableFuture.runAsync(() -> adapters.tokens().add(token));
      // the copy must wait for the uncommitted change of its source row, not read the old one
      awaitABackendWaitingForALock();
      disabling.commit();
      adding.get(30, TimeUnit.SECONDS);
    }

    TokenLookup.Found found = (TokenLookup.Found) adapters.tokens().lookup(token.id());
    assertThat(found.principal().status()).isEqualTo(Status.DISABLED);
  }

  private void awaitABackendWaitingForALock() throws InterruptedException {
    for (int attempt = 0; attempt < 600; attempt++) {
      boolean waiting =
          adapters
                  .jdbi()
                  .withHandle(
                      handle ->
                          handle
                              .createQuery(
                                  "SELECT count(*) FROM pg_stat_activity"
                                      + " WHERE wait_event_type = 'Lock' AND datname = current_database()")
                              .mapTo(Long.class)
                              .one())
              > 0;
      if (waiting) {
        return;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("no statement started waiting for the row lock within 30 s");
  }

  @Test
  void aSecondApplicationTokenWithATakenLoginIsAnIllegalState() {
    Organization organization = ContractFixtures.organization(adapters.accounts());
    ApplicationToken first = ContractFixtures.applicationToken(organization);
    adapters.tokens().add(first);
    ApplicationToken sameLogin =
        new ApplicationToken(
            ContractFixtures.applicationToken(organization).credential(),
            first.login(),
            first.status(),
            organization,
            first.profiles());
    assertThatThrownBy(() -> adapters.tokens().add(sameLogin))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("tokens_login_key");
    assertThatThrownBy(() -> adapters.accounts().addOrganization(organization.name()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("organizations_name_key");
  }

  @Test
  void theIdOfADeletedTokenIsNeverReused() {
    User owner = ContractFixtures.user(adapters.accounts(), Profile.REST_SERVICES_USER);
    PersonalToken token = ContractFixtures.personalToken(owner);
    adapters.tokens().add(token);
    adapters.tokens().delete(token.id(), T0, Tombstone.Cause.DELETED);
    assertThatThrownBy(() -> adapters.tokens().add(token))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void removingAUserTombstonesTheTokensItStillOwnsAndKeepsItsContact() {
    User owner = ContractFixtures.user(adapters.accounts(), Profile.REST_SERVICES_USER);
    PersonalToken token = ContractFixtures.personalToken(owner);
    adapters.tokens().add(token);

    assertThat(adapters.accounts().removeUser(owner.id())).isTrue();

    assertThat(adapters.tokens().lookup(token.id())).isInstanceOf(TokenLookup.Deleted.class);
    long contacts =
        adapters
            .jdbi()
            .withHandle(
                handle ->
                    handle
                        .createQuery("SELECT count(*) FROM persons WHERE id = :id")
                        .bind("id", owner.contact().id().value())
                        .mapTo(Long.class)
                        .one());
    assertThat(contacts).isEqualTo(1);
  }

  @Test
  void deletingATokenDropsItsFailuresAndFailuresOfUnknownTokensAreNotKept() {
    User owner = ContractFixtures.user(adapters.accounts(), Profile.REST_SERVICES_USER);
    PersonalToken token = ContractFixtures.personalToken(owner);
    adapters.tokens().add(token);
    RecordedFailure failure =
        new RecordedFailure(T0, FailureReason.WRONG_SECRET, "Wrong secret.", "192.0.2.1", "GET /");
    adapters.failures().record(token.id(), failure);
    assertThat(adapters.failures().recent(token.id(), 10)).containsExactly(failure);

    adapters.tokens().delete(token.id(), T0, Tombstone.Cause.DELETED);
    assertThat(adapters.failures().recent(token.id(), 10)).isEmpty();

    var unknown = ContractFixtures.randomId();
    adapters.failures().record(unknown, failure);
    assertThat(adapters.failures().recent(unknown, 10)).isEmpty();
  }

  @Test
  void instantsKeepTheirMicrosecondsWhateverTheSessionTimeZone() {
    User owner = ContractFixtures.user(adapters.accounts(), Profile.REST_SERVICES_USER);
    Instant at = Instant.parse("2026-10-25T01:30:00.000001Z"); // in a DST change in Europe
    PersonalToken token = ContractFixtures.personalToken(owner);
    adapters.tokens().add(token);
    adapters.usage().recordUse(token.id(), at, "2001:db8::1");
    adapters.usage().flushUses(); // read below with plain SQL
    List<Instant> read =
        adapters
            .jdbi()
            .withHandle(
                handle -> {
                  handle.execute("SET TIME ZONE 'Europe/Paris'");
                  List<Instant> instants =
                      handle
                          .createQuery("SELECT last_used_at FROM tokens WHERE id = :id")
                          .bind("id", token.id().uuid())
                          .mapTo(Instant.class)
                          .list();
                  handle.execute("RESET TIME ZONE");
                  return instants;
                });
    assertThat(read).containsExactly(at);
    assertThat(adapters.tokens().find(token.id()).get().usage().lastUsedAt()).contains(at);
  }
}
