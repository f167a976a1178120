-- Idempotency-Key (IETF httpapi draft, as payment APIs do it): the first request with a key is recorded here while
-- it runs (status_code NULL) and its answer once it has one; the same key and the same request again gets that
-- answer replayed, the same key with another request 422, the same key while the first still runs 409. Keys belong
-- to the user who sent them, and are kept for a day.
CREATE TABLE idempotency_keys (
    user_email   VARCHAR(320)    NOT NULL,
    idem_key     VARCHAR(255)    NOT NULL,
    fingerprint  VARCHAR(64)     NOT NULL,
    status_code  INTEGER,
    content_type VARCHAR(200),
    location     VARCHAR(500),
    response     VARCHAR(1000000),
    created_at   TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    PRIMARY KEY (user_email, idem_key)
);
CREATE INDEX idempotency_keys_created ON idempotency_keys (created_at);
