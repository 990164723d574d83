-- Which pepper key each key id stands for, so that every start can prove it holds the keys the
-- token digests were made with. The check value is HMAC-SHA-256 of a fixed label under the key
-- (hmac-sha256$<base64>): it identifies the key without revealing it. A row is written when a key id
-- is first configured (INSERT ... ON CONFLICT DO NOTHING, so two instances starting at once agree on
-- the first value) and never changed: a key id stands for one key for the life of the database.

CREATE TABLE pepper_checks (
    key_id      text        PRIMARY KEY,
    check_value text        NOT NULL,
    recorded_at timestamptz NOT NULL DEFAULT now()
);
