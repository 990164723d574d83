-- The budgets of failed attempts (docs/security.md): one row per budget key and fixed window,
-- shared by every instance. Only failures write here (one upsert each); a valid credential never
-- does. The key is kept as its SHA-256 digest: a login typed by mistake may be a password.
-- Rows whose window has ended are deleted by the adapter, a few at a time.

CREATE TABLE failed_attempts (
    key_digest   bytea       NOT NULL,
    window_start timestamptz NOT NULL,
    window_end   timestamptz NOT NULL,
    failures     bigint      NOT NULL,
    CONSTRAINT failed_attempts_pk PRIMARY KEY (key_digest, window_start),
    CONSTRAINT failed_attempts_digest_size CHECK (octet_length(key_digest) = 32),
    CONSTRAINT failed_attempts_window CHECK (window_end > window_start)
);

-- the pruning of ended windows
CREATE INDEX failed_attempts_window_end_idx ON failed_attempts (window_end);
