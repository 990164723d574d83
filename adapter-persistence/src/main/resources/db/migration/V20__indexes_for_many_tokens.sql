-- The token policy's check pages through every token, newest first ((created_at, id) < the last
-- one read): the partial indexes of V2 cover one kind each, so without this each page sorted the
-- whole table again and a policy save over a million tokens grew with the square of their number.
CREATE INDEX tokens_created_idx ON tokens (created_at, id);

-- An audit event's notification event takes the token's kind and label from the token's latest
-- event when neither the token nor its tombstone has them: without this, every lifecycle event
-- (created, refreshed, deleted, policy deadline…) scanned the whole outbox.
CREATE INDEX notification_events_token_idx ON notification_events (token_id, id) WHERE label <> '';
