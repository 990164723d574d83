-- The authentication read (one token by its id, on every authenticated request) needs the owner's
-- login, status and profiles and an application token's organization name. Joining users and
-- organizations for them cost the server more than reading the token itself (every relation a
-- statement touches is locked, opened and initialised), so each token row carries copies of them.
-- The triggers below keep the copies equal to their source rows in the same transaction as every
-- change, whichever code path makes it: a disabled owner or a lost profile is seen by the very next
-- call, on every instance.

ALTER TABLE tokens
    ADD COLUMN owner_login       text COLLATE "C",
    ADD COLUMN owner_status      text,
    ADD COLUMN owner_profiles    text[],
    ADD COLUMN organization_name text;

UPDATE tokens t
SET owner_login = u.login, owner_status = u.status, owner_profiles = u.profiles
FROM users u
WHERE u.id = t.owner_user_id;

UPDATE tokens t
SET organization_name = o.name
FROM organizations o
WHERE o.id = t.organization_id;

-- A token written with an owner or an organization copies from that row. FOR SHARE makes a
-- concurrent change of the row wait for this transaction (or this one wait for that change, then
-- read its result), so a copy can never miss a change.
CREATE FUNCTION tokens_copy_owner_and_organization() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.owner_user_id IS NOT NULL THEN
        SELECT login, status, profiles
        INTO NEW.owner_login, NEW.owner_status, NEW.owner_profiles
        FROM users WHERE id = NEW.owner_user_id FOR SHARE;
    END IF;
    IF NEW.organization_id IS NOT NULL THEN
        SELECT name INTO NEW.organization_name
        FROM organizations WHERE id = NEW.organization_id FOR SHARE;
    END IF;
    RETURN NEW;
END $$;

CREATE TRIGGER tokens_copy_owner_and_organization
    BEFORE INSERT OR UPDATE OF owner_user_id, organization_id ON tokens
    FOR EACH ROW EXECUTE FUNCTION tokens_copy_owner_and_organization();

-- A change of a user's login, status or profiles reaches the copies in their tokens (index
-- tokens_owner_created_idx).
CREATE FUNCTION users_copy_to_tokens() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    UPDATE tokens
    SET owner_login = NEW.login, owner_status = NEW.status, owner_profiles = NEW.profiles
    WHERE kind = 'personal' AND owner_user_id = NEW.id;
    RETURN NULL;
END $$;

CREATE TRIGGER users_copy_to_tokens
    AFTER UPDATE OF login, status, profiles ON users
    FOR EACH ROW
    WHEN (OLD.login IS DISTINCT FROM NEW.login
          OR OLD.status IS DISTINCT FROM NEW.status
          OR OLD.profiles IS DISTINCT FROM NEW.profiles)
    EXECUTE FUNCTION users_copy_to_tokens();

-- A renamed organization reaches the copies in its application tokens (index tokens_organization_idx).
CREATE FUNCTION organizations_copy_to_tokens() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    UPDATE tokens SET organization_name = NEW.name
    WHERE kind = 'application' AND organization_id = NEW.id;
    RETURN NULL;
END $$;

CREATE TRIGGER organizations_copy_to_tokens
    AFTER UPDATE OF name ON organizations
    FOR EACH ROW
    WHEN (OLD.name IS DISTINCT FROM NEW.name)
    EXECUTE FUNCTION organizations_copy_to_tokens();
