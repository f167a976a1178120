-- Each order's status changes are numbered (1 at creation, +1 per change), and every status event carries its
-- number: with several backends two outbox relays can publish one order's events out of order, and whoever shows
-- them (the STOMP feed, the console) keeps the newest instead of stepping back.
ALTER TABLE orders ADD COLUMN status_version BIGINT DEFAULT 1 NOT NULL;
