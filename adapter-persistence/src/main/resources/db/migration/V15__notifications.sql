-- Lifecycle notifications (docs/notifications.md): a transactional outbox of events, written in the
-- transaction of what caused them (an audit event, a usage flush, a refused authentication, the
-- expiry scan), fanned out to deliveries (one per e-mail recipient or webhook), which any instance
-- claims with FOR UPDATE SKIP LOCKED and a lease, so each is sent by one instance.

CREATE TABLE notification_events (
    id          bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind        text        NOT NULL,
    token_id    uuid        NOT NULL,
    token_kind  text        NOT NULL,
    -- a personal token's owner, or an application token's login
    owner_login text        NOT NULL COLLATE "C",
    -- the token's application (personal) or login (application): how messages name it
    label       text        NOT NULL,
    occurred_at timestamptz NOT NULL,
    actor       text        NOT NULL,
    -- what the kind needs: the address of a first use, the days before an expiry, a deadline
    detail      text        NOT NULL,
    due_at      timestamptz,
    -- events that must happen once (an expiry warning, a new address) carry a key
    once_key    text,
    fanned_out  boolean     NOT NULL DEFAULT false,
    CONSTRAINT notification_events_once_key UNIQUE (once_key),
    CONSTRAINT notification_events_token_kind_code CHECK (token_kind IN ('personal', 'application'))
);

-- the events not yet fanned out, oldest first; those done, by age (for forgetting them)
CREATE INDEX notification_events_waiting_idx ON notification_events (id) WHERE NOT fanned_out;
CREATE INDEX notification_events_done_idx ON notification_events (occurred_at) WHERE fanned_out;

-- Webhook endpoints. The signing secret must be readable to sign, so it is sealed with AES-256-GCM
-- under a key derived from the token pepper (which never lives in the database):
-- aes256gcm$<pepper key id>$<base64 of nonce and ciphertext>.
CREATE TABLE webhooks (
    id            bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    url           text        NOT NULL,
    description   text        NOT NULL,
    -- the kinds it receives; empty: all of them
    kinds         text[]      NOT NULL,
    sealed_secret text        NOT NULL,
    created_at    timestamptz NOT NULL,
    CONSTRAINT webhooks_sealed_secret_format CHECK (sealed_secret LIKE 'aes256gcm$%')
);

CREATE TABLE notification_deliveries (
    id              bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id        bigint      NOT NULL REFERENCES notification_events (id),
    channel         text        NOT NULL,
    -- the user's login (e-mail) or the webhook's id (webhook), and where it goes
    recipient       text        NOT NULL,
    address         text        NOT NULL,
    webhook_id      bigint      REFERENCES webhooks (id) ON DELETE SET NULL,
    state           text        NOT NULL,
    attempts        integer     NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL,
    created_at      timestamptz NOT NULL,
    last_attempt_at timestamptz,
    last_outcome    text        NOT NULL DEFAULT '',
    CONSTRAINT notification_deliveries_channel_code CHECK (channel IN ('email', 'webhook')),
    CONSTRAINT notification_deliveries_state_code
        CHECK (state IN ('pending', 'sending', 'delivered', 'given_up'))
);

-- the deliveries due, soonest first (a claimed one is due again when its lease ends)
CREATE INDEX notification_deliveries_due_idx ON notification_deliveries (next_attempt_at, id)
    WHERE state IN ('pending', 'sending');
-- the administrator's list, newest first
CREATE INDEX notification_deliveries_newest_idx ON notification_deliveries (id DESC);
CREATE INDEX notification_deliveries_event_idx ON notification_deliveries (event_id);
-- the finished deliveries by age (for forgetting them after the retention)
CREATE INDEX notification_deliveries_finished_idx ON notification_deliveries (created_at)
    WHERE state IN ('delivered', 'given_up');

-- What each user chose not to receive (no row: everything).
CREATE TABLE notification_preferences (
    user_id bigint PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    muted   text[] NOT NULL
);

-- The addresses each token was used from, written by the usage flusher: a row that is new is a
-- first use from that address.
CREATE TABLE token_addresses (
    token_id      uuid        NOT NULL REFERENCES tokens (id) ON DELETE CASCADE,
    address       text        NOT NULL,
    first_seen_at timestamptz NOT NULL,
    PRIMARY KEY (token_id, address)
);

-- the expiry scan reads the tokens expiring within 30 days
CREATE INDEX tokens_expires_at_idx ON tokens (expires_at) WHERE expires_at IS NOT NULL;

-- the last address of each token is not new to it
INSERT INTO token_addresses (token_id, address, first_seen_at)
SELECT id, last_used_ip, last_used_at FROM tokens WHERE last_used_ip IS NOT NULL;
