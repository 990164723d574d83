-- iTop's data synchronization (synchro_import.php, synchro_exec.php): data sources with their
-- attributes, and one replica table for all sources (iTop makes one table per source) whose
-- column values are kept as two parallel arrays (a column without a value is NULL: "leave the
-- object's attribute as it is"). A synchronization holds its data source's row with
-- SELECT ... FOR UPDATE SKIP LOCKED for its one transaction, so two runs never apply it together.

CREATE TABLE synchro_data_sources (
  id                      BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name                    TEXT NOT NULL,
  description             TEXT NOT NULL DEFAULT '',
  status                  TEXT NOT NULL CHECK (status IN ('implementation', 'production', 'obsolete')),
  user_id                 BIGINT NOT NULL DEFAULT 0,
  notify_contact_id       BIGINT NOT NULL DEFAULT 0,
  scope_class             TEXT NOT NULL,
  database_table_name     TEXT NOT NULL DEFAULT '',
  scope_restriction       TEXT NOT NULL DEFAULT '',
  full_load_periodicity   BIGINT NOT NULL DEFAULT 0 CHECK (full_load_periodicity >= 0),
  reconciliation_policy   TEXT NOT NULL CHECK (reconciliation_policy IN ('use_attributes', 'use_primary_key')),
  action_on_zero          TEXT NOT NULL CHECK (action_on_zero IN ('create', 'error')),
  action_on_one           TEXT NOT NULL CHECK (action_on_one IN ('update', 'error')),
  action_on_multiple      TEXT NOT NULL CHECK (action_on_multiple IN ('take_first', 'create', 'error')),
  delete_policy           TEXT NOT NULL CHECK (delete_policy IN ('ignore', 'delete', 'update', 'update_then_delete')),
  delete_policy_update    TEXT NOT NULL DEFAULT '',
  delete_policy_retention BIGINT NOT NULL DEFAULT 0 CHECK (delete_policy_retention >= 0),
  user_delete_policy      TEXT NOT NULL DEFAULT 'nobody',
  url_icon                TEXT NOT NULL DEFAULT '',
  url_application         TEXT NOT NULL DEFAULT ''
);

CREATE INDEX synchro_data_sources_name_idx ON synchro_data_sources (name);

CREATE TABLE synchro_attributes (
  id                    BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  sync_source_id        BIGINT NOT NULL REFERENCES synchro_data_sources (id) ON DELETE CASCADE,
  attcode               TEXT NOT NULL,
  finalclass            TEXT NOT NULL CHECK (finalclass IN ('SynchroAttribute', 'SynchroAttExtKey', 'SynchroAttLinkSet')),
  "update"              BOOLEAN NOT NULL,
  reconcile             BOOLEAN NOT NULL,
  update_policy         TEXT NOT NULL CHECK (update_policy IN ('master_locked', 'master_unlocked', 'write_if_empty')),
  reconciliation_attcode TEXT NOT NULL DEFAULT '',
  UNIQUE (sync_source_id, attcode)
);

CREATE TABLE synchro_replicas (
  id                   BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  sync_source_id       BIGINT NOT NULL REFERENCES synchro_data_sources (id) ON DELETE CASCADE,
  primary_key          TEXT NOT NULL,
  value_columns        TEXT[] NOT NULL,
  value_texts          TEXT[] NOT NULL,
  status               TEXT NOT NULL CHECK (status IN ('new', 'synchronized', 'modified', 'orphan', 'obsolete')),
  dest_id              BIGINT,
  status_last_seen     TIMESTAMPTZ NOT NULL,
  status_dest_creator  BOOLEAN NOT NULL DEFAULT FALSE,
  status_last_error    TEXT NOT NULL DEFAULT '',
  status_last_warning  TEXT NOT NULL DEFAULT '',
  UNIQUE (sync_source_id, primary_key),
  CHECK (cardinality(value_columns) = cardinality(value_texts))
);
