-- The status iTop gives persons and organizations: active, or inactive (what a collector's delete
-- policy "update" writes when the source no longer lists the object). Existing rows are active.

ALTER TABLE persons ADD COLUMN status text NOT NULL DEFAULT 'active',
    ADD CONSTRAINT persons_status_code CHECK (status IN ('active', 'inactive'));
ALTER TABLE organizations ADD COLUMN status text NOT NULL DEFAULT 'active',
    ADD CONSTRAINT organizations_status_code CHECK (status IN ('active', 'inactive'));
