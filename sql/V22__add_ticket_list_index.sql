-- The engineers' list reads the escalated tickets first (few: ticket_by_escalation finds them),
-- then the others in the list's order: nearest due time (none last), newest first, by id. This
-- index has that order, so the first page is read in order and the scan stops after it, where
-- before every open ticket matching the filters was sorted.
CREATE INDEX ticket_by_due_then_newest ON ticket (next_due_at, created_at DESC, id DESC);
