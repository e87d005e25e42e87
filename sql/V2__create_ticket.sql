-- Tickets. The template fields are nullable: which are required is the template's business.
-- Numbers come from their own sequence (never max + 1) and carry a check digit.
CREATE SEQUENCE ticket_number_seq START WITH 10000;
CREATE SEQUENCE ticket_id_seq START WITH 1 INCREMENT BY 50;

CREATE TABLE ticket (
    id                  BIGINT                   PRIMARY KEY,
    number              VARCHAR(16)              NOT NULL UNIQUE,
    status              VARCHAR(24)              NOT NULL,
    severity            INTEGER                  NOT NULL CHECK (severity BETWEEN 1 AND 4),
    subject             VARCHAR(1000)            NOT NULL,
    customer            VARCHAR(200)             NOT NULL,
    reporter            VARCHAR(320)             NOT NULL,
    support_key_id      BIGINT                   NOT NULL REFERENCES support_key (id),
    language            VARCHAR(8)               NOT NULL,
    product             VARCHAR(100),
    component           VARCHAR(100),
    module              VARCHAR(100),
    server              VARCHAR(1000),
    server_version      VARCHAR,
    distribution        VARCHAR(100),
    gui_version         VARCHAR,
    track_id            VARCHAR(1000),
    steps_to_reproduce  VARCHAR,
    current_behaviour   VARCHAR,
    expected_behaviour  VARCHAR,
    next_due_at         TIMESTAMP WITH TIME ZONE,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    version             BIGINT                   NOT NULL DEFAULT 0
);

-- What engineers and the SLA scheduler ask for: open tickets by due time, by customer, by status.
CREATE INDEX ticket_by_status_and_due ON ticket (status, next_due_at);
CREATE INDEX ticket_by_customer ON ticket (customer, status);
CREATE INDEX ticket_by_created ON ticket (created_at);

-- Template fields an operator added beyond the columns above.
CREATE TABLE ticket_field (
    ticket_id  BIGINT       NOT NULL REFERENCES ticket (id) ON DELETE CASCADE,
    name       VARCHAR(100) NOT NULL,
    field_value VARCHAR     NOT NULL,
    PRIMARY KEY (ticket_id, name)
);
