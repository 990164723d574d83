-- The token policy, edited by administrators (docs/policy.md): one row, shared by every instance.
-- The authentication read joins it to the token row (one statement), so a change applies at the
-- next authentication everywhere; version grows with each change. Its first content comes from the
-- start-up settings (TOKENSMITH_MAX_TOKEN_LIFETIME_DAYS, TOKENSMITH_PERSONAL_TOKEN_PROFILES,
-- TOKENSMITH_REFRESH_GRACE_SECONDS) at the first start after this migration.
CREATE TABLE token_policy (
    id                     smallint    PRIMARY KEY DEFAULT 1 CHECK (id = 1),
    version                bigint      NOT NULL CHECK (version >= 0),
    max_lifetime_days      integer     CHECK (max_lifetime_days BETWEEN 1 AND 36500),
    expiry_required        boolean     NOT NULL,
    inactivity_days        integer     CHECK (inactivity_days BETWEEN 1 AND 36500),
    inactivity_counts_from timestamptz,
    refresh_grace_seconds  bigint      NOT NULL CHECK (refresh_grace_seconds >= 0),
    -- "<profile>" (every scope) or "<profile>" TAB "<scope> <scope> ..." (those only; none: "")
    profile_scopes         text[]      NOT NULL CHECK (cardinality(profile_scopes) >= 1),
    -- "<profile>" TAB "<ISO-8601 instant>": removed profiles whose holders' tokens work until then
    retiring_profiles      text[]      NOT NULL DEFAULT '{}',
    changed_at             timestamptz,
    changed_by             text
);

-- When a token stops because it no longer fits the policy (set when an administrator tightened it).
ALTER TABLE tokens ADD COLUMN policy_deadline timestamptz;

ALTER TABLE audit_events DROP CONSTRAINT audit_events_action_code;
ALTER TABLE audit_events ADD CONSTRAINT audit_events_action_code
    CHECK (action IN ('created', 'edited', 'refreshed', 'deleted', 'revoked', 'policy_deadline'));
