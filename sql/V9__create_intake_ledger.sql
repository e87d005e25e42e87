-- The mailboxes serve reads, one row per folder state: a folder whose UIDVALIDITY changed
-- numbers its mails anew and gets a row of its own (POP3 has none: 0). Every UID up to
-- highest_uid has its row in intake_ledger, so a round asks the server only for the UIDs
-- above it. The first row of a mailbox says when Ticketpost first read it: mail that had
-- waited there long before that is taken in without automatic replies.
CREATE TABLE intake_mailbox (
    mailbox             VARCHAR(500)             NOT NULL,
    uid_validity        BIGINT                   NOT NULL,
    highest_uid         BIGINT                   NOT NULL,
    first_connected_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (mailbox, uid_validity)
);

-- What became of each mail read from a mailbox, keyed as the server knows it: IMAP by
-- UIDVALIDITY and UID (as digits), POP3 by its UIDL (uid_validity 0). The reader skips what
-- is finished here, whatever flags the mail has on the server.
--   state: retrying (not taken in yet; attempts so far, and when to try again),
--          taken_in (committed, not yet acknowledged to the server), acknowledged,
--          failed (not a mail, or given up after its attempts: reason says why).
CREATE TABLE intake_ledger (
    mailbox          VARCHAR(500)             NOT NULL,
    uid_validity     BIGINT                   NOT NULL,
    uid              VARCHAR(100)             NOT NULL,
    state            VARCHAR(16)              NOT NULL,
    attempts         INTEGER                  NOT NULL,
    outcome          VARCHAR(16),
    ticket           VARCHAR(16),
    backlog          BOOLEAN                  NOT NULL,
    reason           VARCHAR(2000),
    next_attempt_at  TIMESTAMP WITH TIME ZONE,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (mailbox, uid_validity, uid)
);

-- Each round asks for the few mails still in hand: taken in but not acknowledged, or waiting to be retried.
CREATE INDEX intake_ledger_unfinished ON intake_ledger (mailbox, uid_validity, state);
