-- A ticket's history: who did what when, with the old and the new value.
CREATE SEQUENCE ticket_event_id_seq START WITH 1 INCREMENT BY 50;

CREATE TABLE ticket_event (
    id          BIGINT                   PRIMARY KEY,
    ticket_id   BIGINT                   NOT NULL REFERENCES ticket (id) ON DELETE CASCADE,
    at          TIMESTAMP WITH TIME ZONE NOT NULL,
    actor       VARCHAR(320)             NOT NULL,
    kind        VARCHAR(40)              NOT NULL,
    old_value   VARCHAR(1000),
    new_value   VARCHAR(1000),
    note        VARCHAR(2000)
);

CREATE INDEX ticket_event_by_ticket ON ticket_event (ticket_id, at);
