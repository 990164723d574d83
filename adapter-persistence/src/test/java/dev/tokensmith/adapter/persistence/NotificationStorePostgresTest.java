package dev.tokensmith.adapter.persistence;

import static dev.tokensmith.application.contract.ContractFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import dev.tokensmith.application.contract.ContractFixtures;
import dev.tokensmith.application.port.out.AuditEvent;
import dev.tokensmith.application.port.out.Delivery;
import dev.tokensmith.domain.account.Profile;
import dev.tokensmith.domain.account.User;
import dev.tokensmith.domain.authentication.FailureReason;
import dev.tokensmith.domain.authentication.RecordedFailure;
import dev.tokensmith.domain.notification.NotificationKind;
import dev.tokensmith.domain.notification.Webhook;
import dev.tokensmith.domain.notification.WebhookSecret;
import dev.tokensmith.domain.token.PersonalToken;
import dev.tokensmith.domain.token.TokenId;
import io.vavr.control.Option;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The notification outbox on PostgreSQL: events written with what causes them, claims that no two
 * instances share, sealed webhook secrets.
 */
class NotificationStorePostgresTest {
  private static final Peppers PEPPERS =
      Peppers.of("k1", "a pepper of the notification test".getBytes());
  private static final Duration LEASE = Duration.ofMinutes(2);
  private static final WebhookSecret SECRET =
      new WebhookSecret("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");

  private final PostgresAdapters adapters = TestDatabase.adapters();
  private final JdbiNotificationStore store = adapters.notifications(PEPPERS);

  private PersonalToken storedToken() {
    User owner = ContractFixtures.user(adapters.accounts(), Profile.REST_SERVICES_USER);
    PersonalToken token = ContractFixtures.personalToken(owner);
    adapters.tokens().add(token);
    return token;
  }

  /** The events about {@code id} of {@code kind}: their details, oldest first. */
  private List<String> events(TokenId id, NotificationKind kind) {
    return adapters
        .jdbi()
        .withHandle(
            handle ->
                handle
                    .createQuery(
                        "SELECT detail FROM notification_events WHERE token_id = :id AND kind = :kind"
                            + " ORDER BY id")
                    .bind("id", id.uuid())
                    .bind("kind", kind.code())
                    .mapTo(String.class)
                    .list());
  }

  /**
   * Every delivery due at {@code now}, claimed a batch at a time: the database is shared with the
   * other test classes, whose deliveries may be due too, so one batch need not hold this test's.
   */
  private List<Delivery> claimEveryDue(Instant now, Instant leaseUntil) {
    List<Delivery> all = new ArrayList<>();
    List<Delivery> batch;
    do {
      batch = store.claimDue(now, leaseUntil, 500);
      all.addAll(batch);
    } while (!batch.isEmpty());
    return all;
  }

  private void fanOutEverything(Instant now) {
    while (store.fanOut(now, false, 500) > 0) {
      // until every waiting event has its deliveries
    }
  }

  @Test
  void aLifecycleAuditEventWritesItsNotificationInTheSameTransaction() {
    PersonalToken token = storedToken();
    adapters
        .audit()
        .record(
            new AuditEvent(
                T0, "ada", token.ownerLogin(), token.id(), AuditEvent.Action.CREATED, ""));
    adapters
        .audit()
        .record(
            new AuditEvent(
                T0, "ada", token.ownerLogin(), token.id(), AuditEvent.Action.EDITED, ""));
    adapters.tokens().delete(token.id(), T0, dev.tokensmith.domain.token.Tombstone.Cause.DELETED);
    adapters
        .audit()
        .record(
            new AuditEvent(
                T0, "ada", token.ownerLogin(), token.id(), AuditEvent.Action.DELETED, ""));

    assertThat(events(token.id(), NotificationKind.TOKEN_CREATED)).hasSize(1);
    assertThat(events(token.id(), NotificationKind.TOKEN_DELETED)).hasSize(1);
    List<String> labels =
        adapters
            .jdbi()
            .withHandle(
                handle ->
                    handle
                        .createQuery(
                            "SELECT label FROM notification_events WHERE token_id = :id ORDER BY id")
                        .bind("id", token.id().uuid())
                        .mapTo(String.class)
                        .list());
    assertThat(labels)
        .as("the deleted token is still named by its application")
        .containsExactly("nightly export", "nightly export");
  }

  @Test
  void auditEventsRecordedTogetherWriteTheirNotificationsInOrderInOneStatement() {
    List<PersonalToken> tokens = List.of(storedToken(), storedToken(), storedToken());
    List<AuditEvent> events = new ArrayList<>();
    for (PersonalToken token : tokens) {
      events.add(
          new AuditEvent(
              T0,
              "admin",
              token.ownerLogin(),
              token.id(),
              AuditEvent.Action.POLICY_DEADLINE,
              T0.plusSeconds(86_400) + " max_lifetime"));
      events.add(
          new AuditEvent(
              T0, "admin", token.ownerLogin(), token.id(), AuditEvent.Action.EDITED, ""));
    }
    long before = adapters.sqlStatements();
    adapters.audit().recordAll(events);
    assertThat(adapters.sqlStatements() - before)
        .as("durable commit, the audit events in one batch, their notification events in one")
        .isEqualTo(3);

    List<UUID> order =
        adapters
            .jdbi()
            .withHandle(
                handle ->
                    handle
                        .createQuery(
                            "SELECT token_id FROM notification_events"
                                + " WHERE token_id = ANY(:ids) ORDER BY id")
                        .bind("ids", tokens.stream().map(t -> t.id().uuid()).toArray(UUID[]::new))
                        .mapTo(UUID.class)
                        .list());
    assertThat(order)
        .as("one notification per policy deadline (an edit notifies nobody), in the events' order")
        .containsExactlyElementsOf(tokens.stream().map(t -> t.id().uuid()).toList());
    assertThat(events(tokens.get(1).id(), NotificationKind.POLICY_DEADLINE))
        .containsExactly(T0.plusSeconds(86_400) + " max_lifetime");
  }

  @Test
  void aNotificationEventFindsTheTokensLatestEventOnAnIndex() {
    // the lookup FROM_AUDIT makes for a token with neither a row nor a tombstone; with sequential
    // scans ruled out, only an index can answer it without reading the whole outbox
    String plan =
        adapters
            .jdbi()
            .inTransaction(
                handle -> {
                  handle.execute("SET LOCAL enable_seqscan = off");
                  return String.join(
                      "\n",
                      handle
                          .createQuery(
                              "EXPLAIN SELECT token_kind, label FROM notification_events"
                                  + " WHERE token_id = :id AND label <> '' ORDER BY id DESC LIMIT 1")
                          .bind("id", UUID.randomUUID())
                          .mapTo(String.class)
                          .list());
                });
    assertThat(plan).contains("notification_events_token_idx").doesNotContain("Seq Scan");
  }

  @Test
  void eachDeliveryIsClaimedByOneInstanceEvenWhenManyClaimAtOnce() throws Exception {
    Webhook webhook =
        store.addWebhook(
            "http://127.0.0.1:9/claims", "", Set.of(NotificationKind.TOKEN_REFRESHED), SECRET, T0);
    try (HikariDataSource secondPool = TestDatabase.secondPool();
        PostgresAdapters second = PostgresAdapters.on(secondPool)) {
      JdbiNotificationStore other = second.notifications(PEPPERS);
      List<TokenId> ids = new ArrayList<>();
      for (int i = 0; i < 60; i++) {
        TokenId id = ContractFixtures.randomId();
        ids.add(id);
        adapters
            .audit()
            .record(new AuditEvent(T0, "ada", "ada", id, AuditEvent.Action.REFRESHED, ""));
      }
      fanOutEverything(T0);

      List<Long> claimed = new CopyOnWriteArrayList<>();
      Set<TokenId> seen = java.util.concurrent.ConcurrentHashMap.newKeySet();
      ExecutorService threads = Executors.newFixedThreadPool(8);
      CountDownLatch go = new CountDownLatch(1);
      List<Future<?>> runs = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        JdbiNotificationStore instance = t % 2 == 0 ? store : other;
        runs.add(
            threads.submit(
                () -> {
                  go.await();
                  List<Delivery> batch;
                  do {
                    batch = instance.claimDue(T0, T0.plus(LEASE), 3);
                    for (Delivery delivery : batch) {
                      claimed.add(delivery.id());
                      seen.add(delivery.notice().tokenId());
                      instance.delivered(delivery.id(), T0, "delivered");
                    }
                  } while (!batch.isEmpty());
                  return null;
                }));
      }
      go.countDown();
      for (Future<?> run : runs) {
        run.get();
      }
      threads.shutdown();

      assertThat(new HashSet<>(claimed)).as("no delivery claimed twice").hasSize(claimed.size());
      assertThat(seen).containsAll(ids);
    } finally {
      store.removeWebhook(webhook.id(), T0);
    }
  }

  @Test
  void aClaimWhoseLeaseEndedIsDueAgainWithItsNextAttempt() {
    Webhook webhook =
        store.addWebhook(
            "http://127.0.0.1:9/lease", "", Set.of(NotificationKind.TOKEN_REVOKED), SECRET, T0);
    try {
      TokenId id = ContractFixtures.randomId();
      adapters
          .audit()
          .record(new AuditEvent(T0, "anonymous", "ada", id, AuditEvent.Action.REVOKED, "x"));
      fanOutEverything(T0);

      List<Delivery> first = mine(claimEveryDue(T0, T0.plus(LEASE)), id);
      assertThat(first).hasSize(1);
      assertThat(first.get(0).attempt()).isEqualTo(1);
      assertThat(first.get(0).secret()).contains(SECRET);
      assertThat(mine(claimEveryDue(T0.plus(Duration.ofMinutes(1)), T0.plus(LEASE)), id))
          .as("still leased")
          .isEmpty();

      List<Delivery> again = mine(claimEveryDue(T0.plus(LEASE), T0.plus(LEASE).plus(LEASE)), id);
      assertThat(again).hasSize(1);
      assertThat(again.get(0).attempt()).isEqualTo(2);

      store.failed(again.get(0).id(), T0.plus(LEASE), "HTTP 500", Option.none());
      assertThat(mine(claimEveryDue(T0.plus(Duration.ofDays(1)), T0.plus(Duration.ofDays(2))), id))
          .as("given up")
          .isEmpty();
    } finally {
      store.removeWebhook(webhook.id(), T0);
    }
  }

  private static List<Delivery> mine(List<Delivery> deliveries, TokenId id) {
    return deliveries.stream().filter(d -> d.notice().tokenId().equals(id)).toList();
  }

  @Test
  void theSigningSecretIsSealedAndOpensOnlyForItsWebhook() {
    Webhook webhook = store.addWebhook("https://example.org/sealed", "d", Set.of(), SECRET, T0);
    try {
      String sealed =
          adapters
              .jdbi()
              .withHandle(
                  handle ->
                      handle
                          .createQuery("SELECT sealed_secret FROM webhooks WHERE id = :id")
                          .bind("id", webhook.id())
                          .mapTo(String.class)
                          .one());
      assertThat(sealed)
          .startsWith("aes256gcm$k1$")
          .doesNotContain("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
      WebhookSecrets secrets = new WebhookSecrets(PEPPERS);
      assertThat(secrets.open(sealed, webhook.id())).isEqualTo(SECRET);
      assertThatThrownBy(() -> secrets.open(sealed, webhook.id() + 1))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageNotContaining("MfKQ");
      assertThatThrownBy(
              () ->
                  new WebhookSecrets(Peppers.of("k1", "another pepper of sixteen bytes".getBytes()))
                      .open(sealed, webhook.id()))
          .isInstanceOf(IllegalStateException.class);
      assertThat(store.webhooks()).extracting(Webhook::url).contains("https://example.org/sealed");
    } finally {
      store.removeWebhook(webhook.id(), T0);
    }
  }

  @Test
  void aFlushNotifiesEachAddressATokenWasFirstUsedFrom() {
    PersonalToken token = storedToken();
    adapters.usage().recordUse(token.id(), T0, "192.0.2.1");
    adapters.usage().recordUse(token.id(), T0.plusSeconds(1), "192.0.2.1");
    adapters.tokens().flushUses();
    adapters.usage().recordUse(token.id(), T0.plusSeconds(2), "192.0.2.1");
    adapters.tokens().flushUses();
    adapters.usage().recordUse(token.id(), T0.plusSeconds(3), "198.51.100.7");
    adapters.tokens().flushUses();

    assertThat(events(token.id(), NotificationKind.NEW_ADDRESS))
        .containsExactly("192.0.2.1", "198.51.100.7");
  }

  @Test
  void aRefusalForALostProfileNotifiesOncePerDay() {
    PersonalToken token = storedToken();
    for (Instant at : List.of(T0, T0.plusSeconds(60), T0.plus(Duration.ofDays(1)))) {
      adapters
          .failures()
          .record(
              token.id(),
              new RecordedFailure(
                  at, FailureReason.PROFILE_NOT_ALLOWED, "lost", "192.0.2.3", "/api/v1/x"));
    }
    adapters
        .failures()
        .record(
            token.id(),
            new RecordedFailure(T0, FailureReason.TOKEN_EXPIRED, "expired", "192.0.2.3", "/x"));

    assertThat(events(token.id(), NotificationKind.PROFILE_NOT_ALLOWED)).hasSize(2);
  }

  @Test
  void expiryWarningsAreAddedOncePerThresholdAsTimePasses() {
    PersonalToken token = storedToken(); // expires at T0 + 30 days
    Instant expiry = T0.plus(Duration.ofDays(30));
    List<Integer> days = List.of(30, 7, 1);
    store.addExpiryWarnings(expiry.minus(Duration.ofDays(31)), days);
    assertThat(events(token.id(), NotificationKind.EXPIRY_COMING)).isEmpty();
    store.addExpiryWarnings(expiry.minus(Duration.ofDays(29)), days);
    store.addExpiryWarnings(expiry.minus(Duration.ofDays(20)), days);
    store.addExpiryWarnings(expiry.minus(Duration.ofDays(2)), days);
    store.addExpiryWarnings(expiry.minus(Duration.ofHours(3)), days);
    store.addExpiryWarnings(expiry.minus(Duration.ofHours(1)), days);
    store.addExpiryWarnings(expiry.plusSeconds(1), days);

    assertThat(events(token.id(), NotificationKind.EXPIRY_COMING)).containsExactly("30", "7", "1");
  }

  @Test
  void finishedDeliveriesAndTheirEventsAreForgottenAfterTheRetention() {
    Webhook webhook =
        store.addWebhook(
            "http://127.0.0.1:9/prune", "", Set.of(NotificationKind.TOKEN_CREATED), SECRET, T0);
    try {
      TokenId done = ContractFixtures.randomId();
      TokenId waiting = ContractFixtures.randomId();
      for (TokenId id : List.of(done, waiting)) {
        adapters
            .audit()
            .record(new AuditEvent(T0, "ada", "ada", id, AuditEvent.Action.CREATED, ""));
      }
      fanOutEverything(T0);
      for (Delivery delivery : claimEveryDue(T0, T0.plus(LEASE))) {
        if (delivery.notice().tokenId().equals(done)) {
          store.delivered(delivery.id(), T0, "delivered");
        } else {
          store.failed(delivery.id(), T0, "HTTP 500", Option.some(T0.plusSeconds(30)));
        }
      }
      store.prune(T0, 1000);
      assertThat(events(done, NotificationKind.TOKEN_CREATED)).as("not before").hasSize(1);

      while (store.prune(T0.plusSeconds(1), 1000) > 0) {
        // until nothing older is left
      }
      assertThat(events(done, NotificationKind.TOKEN_CREATED)).isEmpty();
      assertThat(events(waiting, NotificationKind.TOKEN_CREATED))
          .as("a delivery still pending keeps its event")
          .hasSize(1);
    } finally {
      store.removeWebhook(webhook.id(), T0);
    }
  }
}
