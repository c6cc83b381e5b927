-- The save date of each message (IMAP SAVEDATE, RFC 8514): when it entered the mailbox it is in now, set by
-- APPEND, COPY and MOVE, kept by a restore. Rows stored before this migration have none (NULL): IMAP answers
-- SAVEDATE NIL for them and the SAVED* search keys use their internal date instead (RFC 8514 section 4.3).
ALTER TABLE message ADD COLUMN save_date timestamptz;
