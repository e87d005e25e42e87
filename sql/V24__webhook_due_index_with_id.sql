-- The webhook sender takes the earliest due calls in the order (next_attempt_at, id): with the id
-- in the index, PostgreSQL and H2 walk it in that order instead of sorting every waiting call.
DROP INDEX webhook_delivery_due;
CREATE INDEX webhook_delivery_due ON webhook_delivery (next_attempt_at, id);
