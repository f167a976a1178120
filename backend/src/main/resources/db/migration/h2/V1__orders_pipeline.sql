-- Orders and everything the pipeline commits with them, in one transaction per processed event.

CREATE TABLE orders (
    id                BIGINT AUTO_INCREMENT PRIMARY KEY,
    user_email        VARCHAR(254)   NOT NULL,
    status            VARCHAR(32)    NOT NULL,
    total             DECIMAL(12, 2) NOT NULL,
    warehouse_storage BOOLEAN        NOT NULL DEFAULT FALSE,
    created_at        TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    updated_at        TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    version           BIGINT         NOT NULL DEFAULT 0
);
CREATE INDEX orders_status_idx ON orders (status);
CREATE INDEX orders_user_idx ON orders (user_email);

CREATE TABLE order_items (
    id         BIGINT AUTO_INCREMENT PRIMARY KEY,
    order_id   BIGINT         NOT NULL REFERENCES orders (id),
    sku        VARCHAR(64)    NOT NULL,
    quantity   INT            NOT NULL CHECK (quantity > 0),
    unit_price DECIMAL(12, 2) NOT NULL CHECK (unit_price > 0)
);
CREATE INDEX order_items_order_idx ON order_items (order_id);

CREATE TABLE order_status_history (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    order_id    BIGINT       NOT NULL REFERENCES orders (id),
    from_status VARCHAR(32),
    to_status   VARCHAR(32)  NOT NULL,
    changed_at  TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    actor       VARCHAR(254) NOT NULL,
    reason      VARCHAR(500)
);
CREATE INDEX order_status_history_order_idx ON order_status_history (order_id);

-- Processing attempts: what happened to each delivery of an event (timeline, partition/offset, retries, errors).
CREATE TABLE processing_attempts (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    order_id     BIGINT        NOT NULL,
    event_id     VARCHAR(100)  NOT NULL,
    kind         VARCHAR(32)   NOT NULL,
    detail       VARCHAR(1000),
    topic        VARCHAR(100),
    kafka_partition INT,
    kafka_offset BIGINT,
    retry_count  INT           NOT NULL DEFAULT 0,
    attempted_at TIMESTAMP(6) WITH TIME ZONE NOT NULL
);
CREATE INDEX processing_attempts_order_idx ON processing_attempts (order_id);
CREATE INDEX processing_attempts_event_idx ON processing_attempts (event_id);

-- The inbox: one row per applied event. Its primary key is what makes a redelivery a no-op.
CREATE TABLE processed_events (
    event_id        VARCHAR(100) PRIMARY KEY,
    order_id        BIGINT       NOT NULL,
    topic           VARCHAR(100) NOT NULL,
    kafka_partition INT          NOT NULL,
    kafka_offset    BIGINT       NOT NULL,
    processed_at    TIMESTAMP(6) WITH TIME ZONE NOT NULL
);

CREATE TABLE payments (
    id               BIGINT AUTO_INCREMENT PRIMARY KEY,
    order_id         BIGINT         NOT NULL UNIQUE REFERENCES orders (id),
    idempotency_key  VARCHAR(120)   NOT NULL UNIQUE,
    authorization_id VARCHAR(64)    NOT NULL UNIQUE,
    card_last4       VARCHAR(4)     NOT NULL,
    amount           DECIMAL(12, 2) NOT NULL,
    state            VARCHAR(16)    NOT NULL,
    created_at       TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    updated_at       TIMESTAMP(6) WITH TIME ZONE NOT NULL
);
CREATE INDEX payments_state_idx ON payments (state);

CREATE TABLE shipments (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    order_id    BIGINT       NOT NULL UNIQUE REFERENCES orders (id),
    recipient   VARCHAR(100) NOT NULL,
    phone       VARCHAR(20)  NOT NULL,
    address     VARCHAR(200) NOT NULL,
    zip_code    VARCHAR(10)  NOT NULL,
    tracking_no VARCHAR(32)  NOT NULL,
    created_at  TIMESTAMP(6) WITH TIME ZONE NOT NULL
);

CREATE TABLE warehouse_storage (
    id        BIGINT AUTO_INCREMENT PRIMARY KEY,
    order_id  BIGINT      NOT NULL UNIQUE REFERENCES orders (id),
    location  VARCHAR(32) NOT NULL,
    stored_at TIMESTAMP(6) WITH TIME ZONE NOT NULL
);

-- The outbox: one row per committed status change, relayed to order-status-events after the commit.
CREATE TABLE outbox_events (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    order_id     BIGINT        NOT NULL,
    payload      VARCHAR(2000) NOT NULL,
    created_at   TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    published_at TIMESTAMP(6) WITH TIME ZONE
);
CREATE INDEX outbox_events_unpublished_idx ON outbox_events (published_at, id);
