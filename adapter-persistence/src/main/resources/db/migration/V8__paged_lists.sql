-- Paged lists (docs/paging.md). Every list is read a page at a time in (created_at, id) order
-- (users: by login) on the indexes V1 and V2 made; these indexes serve the filters that a walk
-- in creation order would otherwise read far to fill a page.
-- Usage writes (use_count, last_used_*) still touch no indexed column, so they stay HOT: the
-- "unused for N days" filter therefore has no index of its own and walks the creation order.

-- expired / expiring within N days: the few tokens near an instant, read by expiry
CREATE INDEX tokens_personal_expires_idx ON tokens (expires_at, created_at, id)
    WHERE kind = 'personal' AND expires_at IS NOT NULL;

-- the search by application text: trigrams find a rare text without reading every token.
-- pg_trgm ships with PostgreSQL's contrib and is trusted (PostgreSQL 13+), so the owner of the
-- database may create it; where it is missing, the search walks the creation order instead.
DO $$
BEGIN
    CREATE EXTENSION IF NOT EXISTS pg_trgm;
    CREATE INDEX tokens_personal_application_trgm_idx ON tokens
        USING gin (lower(application) gin_trgm_ops) WHERE kind = 'personal';
EXCEPTION WHEN OTHERS THEN
    RAISE NOTICE 'no trigram index on the application of tokens (%): the search walks the creation order', SQLERRM;
END $$;
