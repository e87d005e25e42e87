-- What could not be read of a received mail as it should (a text cut at its limit, parts past
-- the part limit, a multipart cut off), one note per line, so that an engineer reading the
-- ticket knows to look at the raw mail.
ALTER TABLE message ADD COLUMN reading_notes VARCHAR;
