-- Personal and application tokens in one table, and the tombstones of deleted tokens.
-- Only HMAC digests of secrets are stored (hmac-sha256$<keyId>$<base64>); the pepper lives outside.
-- fillfactor leaves room on each page so usage updates (use_count, last_used_*: no index) stay HOT.

CREATE TABLE tokens (
    id              uuid        PRIMARY KEY,
    kind            text        NOT NULL,
    -- personal tokens: the owner and why they made the token
    owner_user_id   bigint      REFERENCES users (id),
    application     text,
    -- application tokens: the token is a principal of its own
    login           text        COLLATE "C",
    status          text,
    organization_id bigint      REFERENCES organizations (id),
    profiles        text[],
    -- both kinds
    scopes          text[]      NOT NULL,
    digest          text        NOT NULL,
    previous_digest text,
    refreshed_at    timestamptz,
    created_at      timestamptz NOT NULL,
    expires_at      timestamptz,
    use_count       bigint      NOT NULL DEFAULT 0,
    last_used_at    timestamptz,
    last_used_ip    text,
    CONSTRAINT tokens_login_key UNIQUE (login),
    CONSTRAINT tokens_kind_code CHECK (kind IN ('personal', 'application')),
    CONSTRAINT tokens_status_code CHECK (status IN ('enabled', 'disabled')),
    CONSTRAINT tokens_use_count_not_negative CHECK (use_count >= 0),
    CONSTRAINT tokens_refresh_fields CHECK ((previous_digest IS NULL) = (refreshed_at IS NULL)),
    CONSTRAINT tokens_fields_of_kind CHECK (
        (kind = 'personal'
            AND owner_user_id IS NOT NULL AND application IS NOT NULL
            AND login IS NULL AND status IS NULL AND organization_id IS NULL AND profiles IS NULL)
        OR (kind = 'application'
            AND owner_user_id IS NULL AND application IS NULL
            AND login IS NOT NULL AND status IS NOT NULL AND organization_id IS NOT NULL
            AND profiles IS NOT NULL))
) WITH (fillfactor = 90);

-- a user's personal tokens, oldest first
CREATE INDEX tokens_owner_created_idx ON tokens (owner_user_id, created_at, id)
    WHERE kind = 'personal';
-- every personal token / every application token, oldest first
CREATE INDEX tokens_personal_created_idx ON tokens (created_at, id) WHERE kind = 'personal';
CREATE INDEX tokens_application_created_idx ON tokens (created_at, id) WHERE kind = 'application';

-- What remains of a deleted token, so its value is reported as deleted, not unknown.
-- No foreign key to users: a tombstone outlives its owner.
CREATE TABLE token_tombstones (
    id            uuid        PRIMARY KEY,
    kind          text        NOT NULL,
    deleted_at    timestamptz NOT NULL,
    cause         text        NOT NULL,
    owner_user_id bigint,
    owner_login   text        NOT NULL,
    CONSTRAINT token_tombstones_kind_code CHECK (kind IN ('personal', 'application')),
    CONSTRAINT token_tombstones_cause_code CHECK (cause IN ('deleted', 'revoked'))
);
