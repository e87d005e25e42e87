-- An engineer's own words on a ticket: author names the engineer who wrote an answer or a
-- note (null for mail received and for what Ticketpost writes by itself), and internal marks
-- a note the customer never sees: it is never sent and is in no outbox.
ALTER TABLE message ADD COLUMN author VARCHAR(64);
ALTER TABLE message ADD COLUMN internal BOOLEAN NOT NULL DEFAULT FALSE;
