-- H2 writes a sequence's state, in a commit of its own, each time its cache of numbers runs out:
-- with its default of 32, that was one more write of every page the intake had changed for each
-- 32 tickets. It now hands out 1,000 before that; a crash loses at most the rest of them, a gap
-- in the ticket numbers. PostgreSQL keeps its cache per connection, so that it would number the
-- tickets out of order: there it stays at 1.
ALTER SEQUENCE ticket_number_seq CACHE ${ticket_number_cache};
