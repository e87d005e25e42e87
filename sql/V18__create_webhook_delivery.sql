-- Webhook calls waiting to be made. A call is written in the transaction that records its event
-- (an SLA warning or breach), so it is never lost between the two, and it survives a restart.
-- The body is fixed when it is written: every attempt sends the same bytes and delivery id.
CREATE TABLE webhook_delivery (
    -- the delivery id receivers drop duplicates by (X-Ticketpost-Delivery), a UUID
    id              VARCHAR(36)              PRIMARY KEY,
    event           VARCHAR(64)              NOT NULL,
    payload         VARCHAR(10000)           NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    -- waiting: when it is tried next (or, while a sender holds it, when its hold ends);
    -- null once it was sent or failed for good, so that the index holds only what waits
    next_attempt_at TIMESTAMP WITH TIME ZONE,
    attempts        INTEGER                  NOT NULL DEFAULT 0,
    sent_at         TIMESTAMP WITH TIME ZONE,
    failed_at       TIMESTAMP WITH TIME ZONE,
    last_error      VARCHAR(2000)
);

-- The sender's question: which waiting calls are due by now, earliest first.
CREATE INDEX webhook_delivery_due ON webhook_delivery (next_attempt_at);
