-- Administrators edit webhooks (docs/notifications.md): a disabled webhook gets no new deliveries,
-- and its pending ones wait until it is enabled again (or removed, which gives them up).
ALTER TABLE webhooks ADD COLUMN enabled boolean NOT NULL DEFAULT true;
