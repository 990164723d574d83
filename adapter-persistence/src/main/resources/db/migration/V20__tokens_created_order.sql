-- The token policy's check pages through every token, newest first ((created_at, id) < the last
-- one read): the partial indexes of V2 cover one kind each, so without this each page sorted the
-- whole table again and a policy save over a million tokens grew with the square of their number.
CREATE INDEX tokens_created_idx ON tokens (created_at, id);
