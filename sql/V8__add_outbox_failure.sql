-- A reply that will not be sent: the mail server refused it for good (a 5xx for its recipient),
-- or it was given up after retrying for too long. last_error says why. Such a reply is no longer
-- due; sent_at and failed_at both empty means it is still waiting.
ALTER TABLE outbox ADD COLUMN failed_at TIMESTAMP WITH TIME ZONE;

-- The sender asks every few seconds for the waiting replies that are due, oldest first: the
-- index leads with the two empty columns, so that the mails sent long ago are never read.
DROP INDEX outbox_due;
CREATE INDEX outbox_due ON outbox (sent_at, failed_at, next_attempt_at, id);
