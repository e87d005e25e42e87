-- The engineers' list reads the escalated tickets first (few: ticket_by_escalation finds them),
-- then the others in the list's order: nearest due time (none last), newest first, by id. These
-- indexes have that order, the second within a severity, the filter engineers use most; so the
-- first page is read in order and the scan stops after it, where before every open ticket
-- matching the filters was sorted.
CREATE INDEX ticket_by_due_then_newest ON ticket (next_due_at, created_at DESC, id DESC);
CREATE INDEX ticket_by_severity_then_due ON ticket (severity, next_due_at, created_at DESC, id DESC);
