-- The expunge log, for an exact VANISHED (EARLIER) (RFC 7162 section 3.2.5.1): change_log rows of kind 3
-- (EXPUNGED) are kept for 30 days instead of one hour. expunge_floor is the mod-sequence up to which the log may
-- miss expunges: pruning raises it to the newest mod-sequence it removed, in the same statement. Expunges made
-- before this migration are not all in the log any more, so every mailbox starts with its HIGHESTMODSEQ.
ALTER TABLE mailbox ADD COLUMN expunge_floor bigint NOT NULL DEFAULT 0;
UPDATE mailbox SET expunge_floor = highest_modseq;
CREATE INDEX change_log_expunged ON change_log (mailbox_id, modseq) WHERE kind = 3;
