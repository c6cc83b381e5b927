-- \Recent (RFC 3501 section 2.3.2): the first UID no IMAP session has been told about yet, per mailbox, shared by
-- every node so that a message is recent in one session only. recent_claimed_from is where the last claim started:
-- an UPDATE's SET reads the row's previous values, so one statement both moves first_recent_uid and reports where
-- it was, even when two nodes claim at once (the second waits for the row lock and then finds nothing to claim).
-- What mailboxes held before this migration is not recent.
ALTER TABLE mailbox ADD COLUMN first_recent_uid bigint NOT NULL DEFAULT 1;
ALTER TABLE mailbox ADD COLUMN recent_claimed_from bigint NOT NULL DEFAULT 1;
UPDATE mailbox SET first_recent_uid = uid_next;
