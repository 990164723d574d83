-- iTop's SynchroLog: one row per synchronization run of a data source (synchro_exec.php, or
-- synchro_import.php with synchronize=1). A run inserts its row as 'running' in its own short
-- transaction, then sets its end, status and counters in the run's transaction (a run that could
-- not start deletes it there). The counters are kept in the order of SynchroStatistics.
CREATE TABLE synchro_logs (
  id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  sync_source_id  BIGINT NOT NULL REFERENCES synchro_data_sources (id) ON DELETE CASCADE,
  start_date      TIMESTAMPTZ NOT NULL,
  end_date        TIMESTAMPTZ,
  status          TEXT NOT NULL CHECK (status IN ('running', 'completed', 'error')),
  counters        INTEGER[] NOT NULL CHECK (cardinality(counters) = 18),
  last_error      TEXT NOT NULL DEFAULT ''
);

CREATE INDEX synchro_logs_source_idx ON synchro_logs (sync_source_id, id);
