-- Every mail in and out. An incoming mail's key (its Message-ID, or the SHA-256 of its bytes)
-- is unique, so a second delivery can never make a second ticket, even under concurrency.
CREATE SEQUENCE message_id_seq START WITH 1 INCREMENT BY 50;

CREATE TABLE message (
    id              BIGINT                   PRIMARY KEY,
    ticket_id       BIGINT                   REFERENCES ticket (id),
    direction       VARCHAR(8)               NOT NULL,
    outcome         VARCHAR(16),
    message_key     VARCHAR(600)             UNIQUE,
    message_id      VARCHAR(600),
    in_reply_to     VARCHAR,
    references_ids  VARCHAR,
    from_address    VARCHAR(320),
    from_name       VARCHAR(320),
    to_addresses    VARCHAR,
    subject         VARCHAR(1000)            NOT NULL,
    body            VARCHAR                  NOT NULL,
    language        VARCHAR(8),
    automatic       VARCHAR(300),
    auto_submitted  VARCHAR(40),
    problems        VARCHAR,
    raw_sha256      VARCHAR(64),
    raw_size        BIGINT,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX message_by_message_id ON message (message_id);
CREATE INDEX message_by_ticket ON message (ticket_id, created_at);
