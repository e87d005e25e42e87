-- Who works on a ticket, and whether the customer escalated it by phone (Severity 1 and 2 only).
-- Both are empty until an engineer sets them; an engineer's account is never deleted (only
-- disabled), so the reference holds.
ALTER TABLE ticket ADD COLUMN assignee_id BIGINT REFERENCES engineer (id);
ALTER TABLE ticket ADD COLUMN escalated_at TIMESTAMP WITH TIME ZONE;

-- The engineers' list by assignee ("my tickets"), nearest due first; it also serves the reference.
CREATE INDEX ticket_by_assignee ON ticket (assignee_id, status, next_due_at);
-- The escalated tickets, which the list shows first and filters on.
CREATE INDEX ticket_by_escalation ON ticket (escalated_at, status);
