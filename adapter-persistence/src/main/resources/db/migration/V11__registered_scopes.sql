-- The scopes services define for their own routes (e.g. billing:read), registered by the service
-- (through the tokensmith Javalin plugin) or by an administrator; every instance reads them when a
-- token's scopes are chosen. The five standard scopes are not stored.

CREATE TABLE registered_scopes (
    name          text        PRIMARY KEY,
    description   text        NOT NULL,
    registered_at timestamptz NOT NULL
);
