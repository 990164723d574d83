package dev.tokensmith.adapter.persistence;

import dev.tokensmith.application.port.out.Delivery;
import dev.tokensmith.application.port.out.Notice;
import dev.tokensmith.application.port.out.NotificationStore;
import dev.tokensmith.domain.notification.DeliveryReport;
import dev.tokensmith.domain.notification.NotificationKind;
import dev.tokensmith.domain.notification.Webhook;
import dev.tokensmith.domain.notification.WebhookSecret;
import dev.tokensmith.domain.token.TokenId;
import io.vavr.control.Option;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * {@link NotificationStore} on PostgreSQL. Every claim is one statement (one transaction) that
 * takes its rows with {@code FOR UPDATE SKIP LOCKED}, so instances never wait for nor take each
 * other's rows; nothing relies on session state (PgBouncer in transaction mode is fine).
 */
public final class JdbiNotificationStore implements NotificationStore {
  /**
   * Writes an event caused by an audit event, in the audit event's transaction. The label comes
   * from the token row, or for a token deleted already from its earlier events.
   */
  /**
   * The notification events of audit events, one row per element of the parallel arrays, in their
   * order. A token's kind and label come from its row, else its tombstone, else its latest event.
   */
  static final String FROM_AUDIT =
      """
      INSERT INTO notification_events
          (kind, token_id, token_kind, owner_login, label, occurred_at, actor, detail)
      SELECT v.kind, v.token_id, COALESCE(t.kind, s.kind, e.token_kind, 'personal'),
             v.owner_login, COALESCE(t.application, t.login, e.label, ''), v.at, v.actor,
             v.detail
      FROM unnest(CAST(:kinds AS text[]), CAST(:tokenIds AS uuid[]),
                  CAST(:ownerLogins AS text[]), CAST(:times AS timestamptz[]),
                  CAST(:actors AS text[]), CAST(:details AS text[]))
           WITH ORDINALITY AS v(kind, token_id, owner_login, at, actor, detail, n)
      LEFT JOIN tokens t ON t.id = v.token_id
      LEFT JOIN token_tombstones s ON s.id = v.token_id
      LEFT JOIN LATERAL (SELECT token_kind, label FROM notification_events
                         WHERE token_id = v.token_id AND label <> ''
                         ORDER BY id DESC LIMIT 1) e ON true
      ORDER BY v.n
      """;

  /**
   * The usage flusher's second statement: records the addresses of the batch each token had not
   * been used from, and an event for each.
   */
  static final String NEW_ADDRESSES =
      """
      WITH seen AS (
          INSERT INTO token_addresses (token_id, address, first_seen_at)
          SELECT v.id, v.address, v.at
          FROM unnest(CAST(:ids AS uuid[]), CAST(:addresses AS text[]),
                      CAST(:times AS timestamptz[])) AS v(id, address, at)
          WHERE EXISTS (SELECT 1 FROM tokens t WHERE t.id = v.id)
          ON CONFLICT DO NOTHING
          RETURNING token_id, address, first_seen_at
      )
      INSERT INTO notification_events
          (kind, token_id, token_kind, owner_login, label, occurred_at, actor, detail, once_key)
      SELECT 'token.new_address', s.token_id, t.kind, COALESCE(u.login, t.login),
             COALESCE(t.application, t.login), s.first_seen_at, '', s.address,
             'new_address:' || s.token_id || ':' || s.address
      FROM seen s
      JOIN tokens t ON t.id = s.token_id
      LEFT JOIN users u ON u.id = t.owner_user_id
      ON CONFLICT (once_key) DO NOTHING
      """;

  /** A refusal for a lost profile, written with the failure; once per token and day. */
  static final String PROFILE_NOT_ALLOWED =
      """
      INSERT INTO notification_events
          (kind, token_id, token_kind, owner_login, label, occurred_at, actor, detail, once_key)
      SELECT 'token.profile_not_allowed', t.id, t.kind, COALESCE(u.login, t.login),
             COALESCE(t.application, t.login), CAST(:at AS timestamptz), '', CAST(:address AS text),
             'profile_not_allowed:' || t.id || ':'
                 || to_char(CAST(:at AS timestamptz) AT TIME ZONE 'UTC', 'YYYY-MM-DD')
      FROM tokens t
      LEFT JOIN users u ON u.id = t.owner_user_id
      WHERE t.id = CAST(:tokenId AS uuid)
      ON CONFLICT (once_key) DO NOTHING
      """;

  static final String EXPIRY_WARNINGS =
      """
      INSERT INTO notification_events
          (kind, token_id, token_kind, owner_login, label, occurred_at, actor, detail, due_at,
           once_key)
      SELECT 'token.expiry_coming', t.id, t.kind, COALESCE(u.login, t.login),
             COALESCE(t.application, t.login), CAST(:now AS timestamptz), '', w.days::text,
             t.expires_at,
             'expiry:' || t.id || ':' || to_char(t.expires_at AT TIME ZONE 'UTC',
                                                 'YYYY-MM-DD"T"HH24:MI:SS.US') || ':' || w.days
      FROM tokens t
      LEFT JOIN users u ON u.id = t.owner_user_id
      CROSS JOIN LATERAL (
          SELECT min(d) AS days FROM unnest(CAST(:days AS int[])) AS d
          WHERE t.expires_at <= CAST(:now AS timestamptz) + d * interval '1 day') w
      WHERE t.expires_at > CAST(:now AS timestamptz)
        AND t.expires_at <= CAST(:now AS timestamptz) + CAST(:maxDays AS int) * interval '1 day'
        AND w.days IS NOT NULL
      ON CONFLICT (once_key) DO NOTHING
      """;

  /**
   * Claims the oldest events not fanned out and makes their deliveries, in one statement: e-mail to
   * the owner of a personal token, or to every enabled administrator for an application token,
   * unless muted or without an address; one delivery per webhook taking the kind.
   */
  static final String FAN_OUT =
      """
      WITH claimed AS (
          SELECT id, kind, token_kind, owner_login FROM notification_events
          WHERE NOT fanned_out
          ORDER BY id
          LIMIT :limit
          FOR UPDATE SKIP LOCKED
      ), marked AS (
          UPDATE notification_events e SET fanned_out = true
          FROM claimed c WHERE e.id = c.id
          RETURNING e.id
      ), mails AS (
          INSERT INTO notification_deliveries
              (event_id, channel, recipient, address, state, next_attempt_at, created_at)
          SELECT c.id, 'email', u.login, p.email, 'pending', CAST(:now AS timestamptz),
                 CAST(:now AS timestamptz)
          FROM claimed c
          JOIN users u ON (c.token_kind = 'personal' AND u.login = c.owner_login)
                       OR (c.token_kind = 'application' AND 'Administrator' = ANY (u.profiles))
          JOIN persons p ON p.id = u.contact_person_id
          LEFT JOIN notification_preferences np ON np.user_id = u.id
          WHERE CAST(:mail AS boolean) AND u.status = 'enabled' AND p.email LIKE '%@%'
            AND NOT (c.kind = ANY (COALESCE(np.muted, '{}')))
      ), hooks AS (
          INSERT INTO notification_deliveries
              (event_id, channel, recipient, address, webhook_id, state, next_attempt_at,
               created_at)
          SELECT c.id, 'webhook', w.id::text, w.url, w.id, 'pending', CAST(:now AS timestamptz),
                 CAST(:now AS timestamptz)
          FROM claimed c
          JOIN webhooks w ON w.enabled AND (cardinality(w.kinds) = 0 OR c.kind = ANY (w.kinds))
      )
      SELECT count(*) FROM marked
      """;

  /**
   * Claims the deliveries due (pending, or claimed by an instance whose lease ended) for this
   * instance until :leaseUntil, and returns them with their event and webhook secret.
   */
  static final String CLAIM_DUE =
      """
      WITH due AS (
          SELECT id FROM notification_deliveries
          WHERE state IN ('pending', 'sending') AND next_attempt_at <= CAST(:now AS timestamptz)
            -- a disabled webhook's deliveries wait until it is enabled again
            AND NOT EXISTS (SELECT 1 FROM webhooks w
                            WHERE w.id = notification_deliveries.webhook_id AND NOT w.enabled)
          ORDER BY next_attempt_at, id
          LIMIT :limit
          FOR UPDATE SKIP LOCKED
      ), claimed AS (
          UPDATE notification_deliveries d
          SET state = 'sending', attempts = d.attempts + 1,
              next_attempt_at = CAST(:leaseUntil AS timestamptz),
              last_attempt_at = CAST(:now AS timestamptz)
          FROM due WHERE d.id = due.id
          RETURNING d.id, d.event_id, d.channel, d.recipient, d.address, d.webhook_id, d.attempts
      )
      SELECT c.id, c.channel, c.recipient, c.address, c.attempts, c.webhook_id, w.sealed_secret,
             e.id AS event_id, e.kind, e.token_id, e.token_kind, e.owner_login, e.label,
             e.occurred_at, e.actor, e.detail, e.due_at
      FROM claimed c
      JOIN notification_events e ON e.id = c.event_id
      LEFT JOIN webhooks w ON w.id = c.webhook_id
      ORDER BY c.id
      """;

  static final String DELIVERED =
      """
      UPDATE notification_deliveries
      SET state = 'delivered', last_attempt_at = :at, last_outcome = :outcome
      WHERE id = :id
      """;

  static final String FAILED =
      """
      UPDATE notification_deliveries
      SET state = CASE WHEN CAST(:retryAt AS timestamptz) IS NULL THEN 'given_up' ELSE 'pending' END,
          next_attempt_at = COALESCE(CAST(:retryAt AS timestamptz), next_attempt_at),
          last_attempt_at = :at, last_outcome = :outcome
      WHERE id = :id
      """;

  static final String DELIVERIES =
      """
      SELECT d.id, d.event_id, e.kind, e.label, e.owner_login, d.channel, d.recipient, d.address,
             d.state, d.attempts, d.created_at, d.last_attempt_at, d.next_attempt_at,
             d.last_outcome
      FROM notification_deliveries d
      JOIN notification_events e ON e.id = d.event_id
      WHERE CAST(:state AS text) IS NULL OR d.state = CAST(:state AS text)
      ORDER BY d.id DESC
      LIMIT :limit
      """;

  private final Storage storage;
  private final WebhookSecrets secrets;

  JdbiNotificationStore(Storage storage, WebhookSecrets secrets) {
    this.storage = storage;
    this.secrets = secrets;
  }

  /** The audit log's part: the event an audit event is the source of, in its transaction. */
  /** One notification event of an audit event: what {@link #recordAudit} writes. */
  record AuditNotice(
      NotificationKind kind,
      TokenId tokenId,
      String ownerLogin,
      Instant at,
      String actor,
      String detail) {}

  /** Writes the notification events of {@code notices} in one statement, on {@code handle}. */
  static void recordAudit(Handle handle, List<AuditNotice> notices) {
    if (notices.isEmpty()) {
      return;
    }
    int size = notices.size();
    String[] kinds = new String[size];
    UUID[] tokenIds = new UUID[size];
    String[] ownerLogins = new String[size];
    String[] times = new String[size];
    String[] actors = new String[size];
    String[] details = new String[size];
    for (int i = 0; i < size; i++) {
      AuditNotice notice = notices.get(i);
      kinds[i] = notice.kind().code();
      tokenIds[i] = notice.tokenId().uuid();
      ownerLogins[i] = notice.ownerLogin();
      times[i] = notice.at().toString();
      actors[i] = notice.actor();
      details[i] = notice.detail();
    }
    handle
        .createUpdate(FROM_AUDIT)
        .bind("kinds", kinds)
        .bind("tokenIds", tokenIds)
        .bind("ownerLogins", ownerLogins)
        .bind("times", times)
        .bind("actors", actors)
        .bind("details", details)
        .execute();
  }

  @Override
  public int addExpiryWarnings(Instant now, List<Integer> days) {
    if (days.isEmpty()) {
      return 0;
    }
    Integer[] values = days.toArray(Integer[]::new);
    int max = days.stream().mapToInt(Integer::intValue).max().orElse(0);
    return storage.inTransaction(
        handle ->
            handle
                .createUpdate(EXPIRY_WARNINGS)
                .bind("now", now)
                .bind("days", values)
                .bind("maxDays", max)
                .execute());
  }

  @Override
  public int fanOut(Instant now, boolean mail, int limit) {
    return storage.durably(
        handle ->
            handle
                .createQuery(FAN_OUT)
                .bind("now", now)
                .bind("mail", mail)
                .bind("limit", limit)
                .mapTo(Integer.class)
                .one());
  }

  @Override
  public List<Delivery> claimDue(Instant now, Instant leaseUntil, int limit) {
    List<ClaimRow> rows =
        storage.durably(
            handle ->
                handle
                    .createQuery(CLAIM_DUE)
                    .bind("now", now)
                    .bind("leaseUntil", leaseUntil)
                    .bind("limit", limit)
                    .map((row, context) -> ClaimRow.read(row))
                    .list());
    return rows.stream().map(this::delivery).toList();
  }

  private Delivery delivery(ClaimRow row) {
    Option<WebhookSecret> secret =
        row.sealedSecret == null
            ? Option.none()
            : Option.some(secrets.open(row.sealedSecret, row.webhookId));
    return new Delivery(
        row.id,
        row.channel.equals("email") ? DeliveryReport.Channel.EMAIL : DeliveryReport.Channel.WEBHOOK,
        row.recipient,
        row.address,
        row.attempts,
        secret,
        row.notice);
  }

  private record ClaimRow(
      long id,
      String channel,
      String recipient,
      String address,
      int attempts,
      Long webhookId,
      String sealedSecret,
      Notice notice) {
    static ClaimRow read(ResultSet row) throws SQLException {
      long webhook = row.getLong("webhook_id");
      Long webhookId = row.wasNull() ? null : webhook;
      return new ClaimRow(
          row.getLong("id"),
          row.getString("channel"),
          row.getString("recipient"),
          row.getString("address"),
          row.getInt("attempts"),
          webhookId,
          row.getString("sealed_secret"),
          JdbiNotificationStore.notice(row));
    }
  }

  static Notice notice(ResultSet row) throws SQLException {
    OffsetDateTime due = row.getObject("due_at", OffsetDateTime.class);
    return new Notice(
        row.getLong("event_id"),
        kind(row.getString("kind")),
        TokenId.of(row.getObject("token_id", UUID.class)),
        row.getString("token_kind").equals("personal"),
        row.getString("owner_login"),
        row.getString("label"),
        row.getObject("occurred_at", OffsetDateTime.class).toInstant(),
        row.getString("actor"),
        row.getString("detail"),
        due == null ? Option.none() : Option.some(due.toInstant()));
  }

  private static NotificationKind kind(String code) {
    return NotificationKind.ofCode(code)
        .getOrElseThrow(() -> new IllegalStateException("unknown notification kind " + code));
  }

  @Override
  public void delivered(long deliveryId, Instant at, String outcome) {
    storage.durably(
        handle ->
            handle
                .createUpdate(DELIVERED)
                .bind("id", deliveryId)
                .bind("at", at)
                .bind("outcome", outcome)
                .execute());
  }

  @Override
  public void failed(long deliveryId, Instant at, String outcome, Option<Instant> retryAt) {
    storage.durably(
        handle ->
            handle
                .createUpdate(FAILED)
                .bind("id", deliveryId)
                .bind("at", at)
                .bind("outcome", outcome)
                .bind("retryAt", retryAt.getOrNull())
                .execute());
  }

  @Override
  public List<DeliveryReport> deliveries(Option<DeliveryReport.State> state, int limit) {
    return storage.read(
        handle ->
            handle
                .createQuery(DELIVERIES)
                .bind("state", state.map(Rows::code).getOrNull())
                .bind("limit", limit)
                .map((row, context) -> report(row))
                .list());
  }

  private static DeliveryReport report(ResultSet row) throws SQLException {
    OffsetDateTime last = row.getObject("last_attempt_at", OffsetDateTime.class);
    return new DeliveryReport(
        row.getLong("id"),
        row.getLong("event_id"),
        kind(row.getString("kind")),
        row.getString("label"),
        row.getString("owner_login"),
        row.getString("channel").equals("email")
            ? DeliveryReport.Channel.EMAIL
            : DeliveryReport.Channel.WEBHOOK,
        row.getString("recipient"),
        row.getString("address"),
        DeliveryReport.State.valueOf(row.getString("state").toUpperCase(Locale.ROOT)),
        row.getInt("attempts"),
        row.getObject("created_at", OffsetDateTime.class).toInstant(),
        last == null ? Option.none() : Option.some(last.toInstant()),
        row.getObject("next_attempt_at", OffsetDateTime.class).toInstant(),
        row.getString("last_outcome"));
  }

  @Override
  public Webhook addWebhook(
      String url,
      String description,
      Set<NotificationKind> kinds,
      WebhookSecret secret,
      Instant at) {
    String[] codes = kinds.stream().map(NotificationKind::code).sorted().toArray(String[]::new);
    long id =
        storage.durably(
            handle -> {
              long added =
                  handle
                      .createQuery(
                          """
                          INSERT INTO webhooks (url, description, kinds, sealed_secret, created_at)
                          VALUES (:url, :description, :kinds, 'aes256gcm$', :at)
                          RETURNING id
                          """)
                      .bind("url", url)
                      .bind("description", description)
                      .bind("kinds", codes)
                      .bind("at", at)
                      .mapTo(Long.class)
                      .one();
              handle
                  .createUpdate("UPDATE webhooks SET sealed_secret = :sealed WHERE id = :id")
                  .bind("sealed", secrets.seal(secret, added))
                  .bind("id", added)
                  .execute();
              return added;
            });
    return new Webhook(id, url, description, kinds, at);
  }

  @Override
  public List<Webhook> webhooks() {
    return storage.read(
        handle ->
            handle
                .createQuery(
                    "SELECT id, url, description, kinds, created_at, enabled FROM webhooks"
                        + " ORDER BY id")
                .map((row, context) -> webhook(row))
                .list());
  }

  private static Webhook webhook(ResultSet row) throws SQLException {
    return new Webhook(
        row.getLong("id"),
        row.getString("url"),
        row.getString("description"),
        kinds((String[]) row.getArray("kinds").getArray()),
        row.getObject("created_at", OffsetDateTime.class).toInstant(),
        row.getBoolean("enabled"));
  }

  @Override
  public Option<Webhook> updateWebhook(
      long id, String url, String description, Set<NotificationKind> kinds, boolean enabled) {
    String[] codes = kinds.stream().map(NotificationKind::code).sorted().toArray(String[]::new);
    return storage.durably(
        handle -> {
          Option<Webhook> updated =
              Option.ofOptional(
                  handle
                      .createQuery(
                          """
                          UPDATE webhooks
                          SET url = :url, description = :description, kinds = :kinds,
                              enabled = :enabled
                          WHERE id = :id
                          RETURNING id, url, description, kinds, created_at, enabled
                          """)
                      .bind("id", id)
                      .bind("url", url)
                      .bind("description", description)
                      .bind("kinds", codes)
                      .bind("enabled", enabled)
                      .map((row, context) -> webhook(row))
                      .findOne());
          if (updated.isDefined()) {
            // what is still to be sent goes where the webhook now is
            handle
                .createUpdate(
                    """
                    UPDATE notification_deliveries SET address = :url
                    WHERE webhook_id = :id AND state IN ('pending', 'sending')
                    """)
                .bind("id", id)
                .bind("url", url)
                .execute();
          }
          return updated;
        });
  }

  @Override
  public boolean replaceWebhookSecret(long id, WebhookSecret secret) {
    return storage.durably(
            handle ->
                handle
                    .createUpdate("UPDATE webhooks SET sealed_secret = :sealed WHERE id = :id")
                    .bind("sealed", secrets.seal(secret, id))
                    .bind("id", id)
                    .execute())
        > 0;
  }

  /**
   * A test event (no token: the id of zeros) already fanned out, and its one delivery to the
   * webhook, due at once; nothing when there is no such webhook.
   */
  static final String TEST_DELIVERY =
      """
      WITH hook AS (
          SELECT id, url FROM webhooks WHERE id = :id
      ), event AS (
          INSERT INTO notification_events
              (kind, token_id, token_kind, owner_login, label, occurred_at, actor, detail,
               fanned_out)
          SELECT 'webhook.test', CAST('00000000-0000-0000-0000-000000000000' AS uuid),
                 'application', CAST(:actor AS text), 'test delivery', CAST(:at AS timestamptz),
                 CAST(:actor AS text), '', true
          FROM hook
          RETURNING id
      ), delivery AS (
          INSERT INTO notification_deliveries
              (event_id, channel, recipient, address, webhook_id, state, next_attempt_at,
               created_at)
          SELECT event.id, 'webhook', hook.id::text, hook.url, hook.id, 'pending',
                 CAST(:at AS timestamptz), CAST(:at AS timestamptz)
          FROM event, hook
      )
      SELECT id FROM event
      """;

  @Override
  public Option<Long> addTestDelivery(long webhookId, String actor, Instant at) {
    return storage.durably(
        handle ->
            Option.ofOptional(
                handle
                    .createQuery(TEST_DELIVERY)
                    .bind("id", webhookId)
                    .bind("actor", actor)
                    .bind("at", at)
                    .mapTo(Long.class)
                    .findOne()));
  }

  private static Set<NotificationKind> kinds(String[] codes) {
    Set<NotificationKind> kinds = EnumSet.noneOf(NotificationKind.class);
    Arrays.stream(codes)
        .flatMap(code -> NotificationKind.ofCode(code).toJavaStream())
        .forEach(kinds::add);
    return kinds;
  }

  @Override
  public boolean removeWebhook(long id, Instant at) {
    return storage.durably(
        handle -> {
          handle
              .createUpdate(
                  """
                  UPDATE notification_deliveries
                  SET state = 'given_up', last_outcome = 'the webhook was removed',
                      last_attempt_at = :at
                  WHERE webhook_id = :id AND state IN ('pending', 'sending')
                  """)
              .bind("id", id)
              .bind("at", at)
              .execute();
          return handle.createUpdate("DELETE FROM webhooks WHERE id = :id").bind("id", id).execute()
              > 0;
        });
  }

  @Override
  public int prune(Instant before, int limit) {
    return storage.inTransaction(
        handle -> {
          int deliveries =
              handle
                  .createUpdate(
                      """
                      DELETE FROM notification_deliveries
                      WHERE id IN (SELECT id FROM notification_deliveries
                                   WHERE state IN ('delivered', 'given_up')
                                     AND created_at < :before
                                   LIMIT :limit)
                      """)
                  .bind("before", before)
                  .bind("limit", limit)
                  .execute();
          // an expiry warning's key names an expiry already past, a lost profile's a day past:
          // forgetting them never lets them come back
          int events =
              handle
                  .createUpdate(
                      """
                      DELETE FROM notification_events
                      WHERE id IN (SELECT e.id FROM notification_events e
                                   WHERE e.fanned_out AND e.occurred_at < :before
                                     AND NOT EXISTS (SELECT 1 FROM notification_deliveries d
                                                     WHERE d.event_id = e.id)
                                   LIMIT :limit)
                      """)
                  .bind("before", before)
                  .bind("limit", limit)
                  .execute();
          return deliveries + events;
        });
  }

  @Override
  public Set<NotificationKind> muted(String login) {
    return storage.read(
        handle ->
            handle
                .createQuery(
                    """
                    SELECT np.muted FROM notification_preferences np
                    JOIN users u ON u.id = np.user_id WHERE u.login = :login
                    """)
                .bind("login", login)
                .map((row, context) -> kinds((String[]) row.getArray(1).getArray()))
                .findOne()
                .orElse(EnumSet.noneOf(NotificationKind.class)));
  }

  @Override
  public void mute(String login, Set<NotificationKind> kinds) {
    String[] codes = kinds.stream().map(NotificationKind::code).sorted().toArray(String[]::new);
    storage.durably(
        handle ->
            handle
                .createUpdate(
                    """
                    INSERT INTO notification_preferences (user_id, muted)
                    SELECT id, :muted FROM users WHERE login = :login
                    ON CONFLICT (user_id) DO UPDATE SET muted = EXCLUDED.muted
                    """)
                .bind("login", login)
                .bind("muted", codes)
                .execute());
  }
}
