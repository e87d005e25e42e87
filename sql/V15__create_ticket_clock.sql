-- A ticket's SLA clocks: first response, update and resolution, each a row of its own rather
-- than some thirty columns on ticket, because a ticket has only the clocks its plan sets (Severity 4
-- has no resolution clock by default), and because one indexed column over every clock,
-- next_alert_at, lets the SLA scheduler read exactly the warnings and breaches that are due, at a
-- cost that grows with them and not with the open tickets. ticket.next_due_at keeps the nearest
-- due time of a running clock, which the engineers' list sorts by.
CREATE TABLE ticket_clock (
    ticket_id       BIGINT                   NOT NULL REFERENCES ticket (id) ON DELETE CASCADE,
    name            VARCHAR(16)              NOT NULL CHECK (name IN ('FIRST_RESPONSE', 'UPDATE', 'RESOLUTION')),
    state           VARCHAR(16)              NOT NULL CHECK (state IN ('RUNNING', 'PAUSED', 'MET', 'STOPPED')),
    -- the counted time the current period allows (business time on a business calendar)
    allowed_seconds BIGINT                   NOT NULL,
    -- running: when it runs out; met: when it was due
    due_at          TIMESTAMP WITH TIME ZONE,
    -- paused, met or stopped: the counted time that was left, negative when it had run out
    left_seconds    BIGINT,
    stopped_at      TIMESTAMP WITH TIME ZONE,
    warn_at         TIMESTAMP WITH TIME ZONE,
    warned_at       TIMESTAMP WITH TIME ZONE,
    breached_at     TIMESTAMP WITH TIME ZONE,
    -- running: warn_at until the warning is recorded, then due_at until the breach is; else null
    next_alert_at   TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (ticket_id, name),
    CHECK (state <> 'RUNNING' OR due_at IS NOT NULL),
    CHECK (state = 'RUNNING' OR left_seconds IS NOT NULL)
);

-- The scheduler's question: which clocks are due a warning or a breach by now, earliest first.
CREATE INDEX ticket_clock_by_next_alert ON ticket_clock (next_alert_at);
