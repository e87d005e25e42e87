-- Attachments are stored once per content (by SHA-256) in the file store; these rows say
-- which mail brought which file under which name.
CREATE SEQUENCE attachment_id_seq START WITH 1 INCREMENT BY 50;

CREATE TABLE attachment (
    id            BIGINT        PRIMARY KEY,
    message_id    BIGINT        NOT NULL REFERENCES message (id) ON DELETE CASCADE,
    file_name     VARCHAR(500)  NOT NULL,
    content_type  VARCHAR(200)  NOT NULL,
    size          BIGINT        NOT NULL,
    sha256        VARCHAR(64),
    stored        BOOLEAN       NOT NULL
);

CREATE INDEX attachment_by_message ON attachment (message_id);
CREATE INDEX attachment_by_sha256 ON attachment (sha256);
