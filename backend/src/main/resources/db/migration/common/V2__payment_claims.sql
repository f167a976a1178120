-- One payment in flight per order: a request to pay claims its order here before its event goes to Kafka, and a
-- second request while the claim stands is answered 409 instead of putting a second event on the topic. The claim
-- is released when the attempt ends without processing the order (declined, dead-lettered, never sent), so the
-- order can be paid again; a claim older than ten minutes (a crash between claim and send) is taken over.
CREATE TABLE payment_claims (
    order_id   BIGINT       PRIMARY KEY,
    event_id   VARCHAR(100) NOT NULL,
    claimed_at TIMESTAMP(6) WITH TIME ZONE NOT NULL
);
