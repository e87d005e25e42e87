-- Support engineers, who sign in to work on tickets. A name is kept in lower case (the
-- check holds every writer to it), so that the unique constraint is one of any case.
-- token_hash: the SHA-256 of the engineer's API token, hex; the token itself is never stored.
-- password_hash: Argon2id in its PHC string form ($argon2id$v=19$m=...,t=...,p=...$salt$hash).
-- Both are empty until one is set; several empty ones do not collide.
CREATE SEQUENCE engineer_id_seq START WITH 1 INCREMENT BY 50;

CREATE TABLE engineer (
    id             BIGINT                   PRIMARY KEY,
    name           VARCHAR(64)              NOT NULL UNIQUE,
    email          VARCHAR(254)             NOT NULL,
    on_call        BOOLEAN                  NOT NULL DEFAULT FALSE,
    disabled       BOOLEAN                  NOT NULL DEFAULT FALSE,
    token_hash     VARCHAR(64)              UNIQUE,
    password_hash  VARCHAR(200),
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT engineer_name_in_lower_case CHECK (name = LOWER(name))
);
