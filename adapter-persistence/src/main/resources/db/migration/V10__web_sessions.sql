-- Web UI sessions, shared by every instance. Only the SHA-256 of a session's key (its cookie value)
-- is stored; the CSRF token is derived from the key and never stored. A session ends at expires_at
-- (the absolute timeout, fixed at sign-in) or when last_seen_at is older than the idle timeout (a
-- setting of the instances, written at most once a minute per session).

CREATE TABLE web_sessions (
    key_digest   text        PRIMARY KEY,
    user_id      bigint      NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    started_at   timestamptz NOT NULL,
    expires_at   timestamptz NOT NULL,
    last_seen_at timestamptz NOT NULL,
    CONSTRAINT web_sessions_key_digest_length CHECK (length(key_digest) = 43),
    CONSTRAINT web_sessions_expiry_after_start CHECK (expires_at > started_at)
) WITH (fillfactor = 90);

-- signing a user out everywhere, and the cascade when a user is deleted
CREATE INDEX web_sessions_user_idx ON web_sessions (user_id);
-- removing ended sessions
CREATE INDEX web_sessions_expires_idx ON web_sessions (expires_at);
CREATE INDEX web_sessions_last_seen_idx ON web_sessions (last_seen_at);

-- A disabled user is signed out everywhere, whichever code path disabled them.
CREATE FUNCTION users_end_sessions_when_disabled() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM web_sessions WHERE user_id = NEW.id;
    RETURN NULL;
END $$;

CREATE TRIGGER users_end_sessions_when_disabled
    AFTER UPDATE OF status ON users
    FOR EACH ROW
    WHEN (NEW.status <> 'enabled' AND OLD.status IS DISTINCT FROM NEW.status)
    EXECUTE FUNCTION users_end_sessions_when_disabled();
