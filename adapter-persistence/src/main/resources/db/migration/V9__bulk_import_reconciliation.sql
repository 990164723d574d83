-- iTop's import.php and synchro reconcile persons on their default keys (name, first_name, email,
-- org_id): persons by last name compared as the directory compares text (ASCII letters folded, byte
-- order: COLLATE "C"), next to V4's index on the folded email, so that each imported row finds its
-- match without reading the whole table.

CREATE INDEX persons_name_folded_idx ON persons (lower(name COLLATE "C"));
