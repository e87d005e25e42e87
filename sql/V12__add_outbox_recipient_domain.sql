-- The per-domain limit on automatic replies counts what went to one domain lately: the domain
-- in a column of its own, in lower case, so that an index finds those rows; a LIKE on the end of
-- the address cannot use one and reads the whole outbox for every rejection.
ALTER TABLE outbox ADD COLUMN recipient_domain VARCHAR(320);
UPDATE outbox SET recipient_domain = LOWER(REGEXP_REPLACE(recipient, '^.*@', ''));
CREATE INDEX outbox_by_recipient_domain ON outbox (recipient_domain, created_at);
