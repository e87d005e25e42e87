-- Support keys: who may open tickets, for which customer, under which SLA plan.
CREATE SEQUENCE support_key_id_seq START WITH 1 INCREMENT BY 50;

CREATE TABLE support_key (
    id           BIGINT                   PRIMARY KEY,
    key_value    VARCHAR(80)              NOT NULL UNIQUE,
    customer     VARCHAR(200)             NOT NULL,
    plan         VARCHAR(40)              NOT NULL,
    valid_until  DATE,
    disabled     BOOLEAN                  NOT NULL DEFAULT FALSE,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL
);

-- An address (jane@example.com), a domain (example.com) or a domain with its subdomains (*.example.com).
CREATE TABLE support_key_sender (
    support_key_id  BIGINT       NOT NULL REFERENCES support_key (id) ON DELETE CASCADE,
    sender          VARCHAR(320) NOT NULL,
    PRIMARY KEY (support_key_id, sender)
);
