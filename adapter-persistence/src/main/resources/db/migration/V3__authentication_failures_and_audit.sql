-- The refused authentications of each token (bounded per token by the adapter, which prunes on
-- insert) and the history of token lifecycle events.

CREATE TABLE authentication_failures (
    id        bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    token_id  uuid        NOT NULL,
    failed_at timestamptz NOT NULL,
    reason    text        NOT NULL,
    message   text        NOT NULL,
    address   text        NOT NULL,
    endpoint  text        NOT NULL
);

-- a token's failures, newest first (also serves the pruning)
CREATE INDEX authentication_failures_token_idx
    ON authentication_failures (token_id, failed_at DESC, id DESC);

CREATE TABLE audit_events (
    id          bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    occurred_at timestamptz NOT NULL,
    actor       text        NOT NULL,
    owner_login text        NOT NULL COLLATE "C",
    token_id    uuid        NOT NULL,
    action      text        NOT NULL,
    detail      text        NOT NULL,
    CONSTRAINT audit_events_action_code
        CHECK (action IN ('created', 'edited', 'refreshed', 'deleted', 'revoked'))
);

-- events concerning one owner's tokens, newest first
CREATE INDEX audit_events_owner_idx ON audit_events (owner_login, occurred_at DESC, id DESC);
