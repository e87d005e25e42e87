-- Mail waiting to be sent. It is written in the transaction that decided to send it, so a
-- reply is never lost between deciding and sending, and it survives a restart.
CREATE SEQUENCE outbox_id_seq START WITH 1 INCREMENT BY 50;

CREATE TABLE outbox (
    id               BIGINT                   PRIMARY KEY,
    message_id       BIGINT                   NOT NULL UNIQUE REFERENCES message (id),
    kind             VARCHAR(24)              NOT NULL,
    recipient        VARCHAR(320)             NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    next_attempt_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    attempts         INTEGER                  NOT NULL DEFAULT 0,
    sent_at          TIMESTAMP WITH TIME ZONE,
    last_error       VARCHAR(2000)
);

CREATE INDEX outbox_due ON outbox (sent_at, next_attempt_at);
-- The loop guard counts what went to one address lately.
CREATE INDEX outbox_by_recipient ON outbox (recipient, created_at);
