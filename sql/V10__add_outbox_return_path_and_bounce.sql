-- What a reply needs to reach its recipient and to be known again when it comes back:
-- the recipient's display name for the To field; the envelope sender (Return-Path) fixed when
-- the reply was written, so that every attempt sends the same mail. With a token of its own in
-- it (VERP), a bounce delivered to that address names the reply it is about.
ALTER TABLE outbox ADD COLUMN recipient_name VARCHAR(320);
ALTER TABLE outbox ADD COLUMN return_path VARCHAR(320);
CREATE INDEX outbox_by_return_path ON outbox (return_path);

-- A reply the mail server took, and whose recipient's server sent back a bounce: when, and what
-- it said (Status and Diagnostic-Code). Such a reply is not sent again unless an operator asks.
ALTER TABLE outbox ADD COLUMN bounced_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE outbox ADD COLUMN bounce_reason VARCHAR(2000);

-- An operator asked to send a failed or bounced reply again: its attempts and its time to give up
-- count from then.
ALTER TABLE outbox ADD COLUMN retried_at TIMESTAMP WITH TIME ZONE;
