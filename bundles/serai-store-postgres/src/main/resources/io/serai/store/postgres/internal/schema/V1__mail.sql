-- Domains, accounts, mailboxes, messages and the change log that carries events between nodes.
-- Names are stored in canonical form (lower-case addresses and domains, INBOX upper-case) by the store code.

CREATE TABLE domain (
    name      text PRIMARY KEY,
    catch_all text
);

CREATE TABLE account (
    address       text PRIMARY KEY,
    domain        text NOT NULL REFERENCES domain (name),
    salt          bytea NOT NULL,
    iterations    integer NOT NULL,
    stored_key    bytea NOT NULL,
    server_key    bytea NOT NULL,
    -- NULL limits mean "the store's default quota"
    max_octets    bigint,
    max_messages  bigint,
    used_octets   bigint NOT NULL DEFAULT 0,
    used_messages bigint NOT NULL DEFAULT 0
);
CREATE INDEX account_domain ON account (domain);

CREATE TABLE alias (
    address text PRIMARY KEY,
    domain  text NOT NULL REFERENCES domain (name),
    target  text NOT NULL REFERENCES account (address) ON DELETE CASCADE
);
CREATE INDEX alias_domain ON alias (domain);
CREATE INDEX alias_target ON alias (target);

-- One row: the newest UIDVALIDITY handed out, so values are unique across every mailbox and node.
CREATE TABLE uid_validity (
    id   integer PRIMARY KEY CHECK (id = 1),
    last bigint NOT NULL
);
INSERT INTO uid_validity VALUES (1, 0);

CREATE TABLE mailbox (
    id             bigserial PRIMARY KEY,
    account        text NOT NULL REFERENCES account (address) ON DELETE CASCADE,
    name           text NOT NULL,
    uid_validity   bigint NOT NULL,
    uid_next       bigint NOT NULL DEFAULT 1,
    highest_modseq bigint NOT NULL DEFAULT 1,
    messages       integer NOT NULL DEFAULT 0,
    octets         bigint NOT NULL DEFAULT 0,
    special_use    text,
    -- the sequence number of the newest change_log row of this mailbox
    event_seq      bigint NOT NULL DEFAULT 0,
    UNIQUE (account, name)
);

CREATE TABLE subscription (
    account text NOT NULL REFERENCES account (address) ON DELETE CASCADE,
    name    text NOT NULL,
    PRIMARY KEY (account, name)
);

-- Message bytes, stored once however many mailboxes hold the message (COPY shares it). The first part (up to
-- the store's inline limit) sits in the row; the rest in fixed-size chunks. The structure is parsed at append.
-- The hdr_* columns hold the RFC 2047-decoded, lower-case values of those header fields (all occurrences, one
-- per line) and sent_day the Date header's day as written, so SEARCH on them runs in SQL.
CREATE TABLE content (
    id          bigserial PRIMARY KEY,
    size        bigint NOT NULL,
    structure   bytea NOT NULL,
    head        bytea NOT NULL,
    chunk_size  integer NOT NULL,
    hdr_from    text,
    hdr_to      text,
    hdr_cc      text,
    hdr_bcc     text,
    hdr_subject text,
    sent_day    date
);

CREATE TABLE content_chunk (
    content_id bigint NOT NULL REFERENCES content (id) ON DELETE CASCADE,
    seq        integer NOT NULL,
    data       bytea NOT NULL,
    PRIMARY KEY (content_id, seq)
);
-- chunks are already compressed or incompressible often enough; TOAST compression would only cost CPU
ALTER TABLE content_chunk ALTER COLUMN data SET STORAGE EXTERNAL;

CREATE TABLE message (
    mailbox_id    bigint NOT NULL REFERENCES mailbox (id) ON DELETE CASCADE,
    uid           bigint NOT NULL,
    modseq        bigint NOT NULL,
    internal_date timestamptz NOT NULL,
    size          bigint NOT NULL,
    flags         integer NOT NULL,
    keywords      text[] NOT NULL DEFAULT '{}',
    content_id    bigint NOT NULL REFERENCES content (id),
    PRIMARY KEY (mailbox_id, uid)
);
CREATE INDEX message_modseq ON message (mailbox_id, modseq);
CREATE INDEX message_content ON message (content_id);

-- What happened, per mailbox in commit order (seq is allocated under the mailbox row's lock). Nodes are told
-- of new rows by NOTIFY and read them; a node that lost its LISTEN connection catches up from here.
-- No foreign key: the row of a deleted mailbox must outlive it.
CREATE TABLE change_log (
    mailbox_id bigint NOT NULL,
    seq        bigint NOT NULL,
    account    text NOT NULL,
    kind       smallint NOT NULL,
    modseq     bigint NOT NULL DEFAULT 0,
    uids       bigint[],
    name       text,
    old_name   text,
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (mailbox_id, seq)
);
CREATE INDEX change_log_created ON change_log (created_at);
