-- What the nodes sharing this store coordinate through: leases, small shared records and work queues.
-- Expiry times are the database's clock (now()), never a node's, so nodes with skewed clocks agree.

CREATE TABLE lease (
    name       text PRIMARY KEY,
    holder     text NOT NULL,
    token      uuid NOT NULL,
    expires_at timestamptz NOT NULL
);

CREATE TABLE shared_record (
    key        text PRIMARY KEY,
    value      bytea NOT NULL CHECK (octet_length(value) <= 65536),
    updated_at timestamptz NOT NULL DEFAULT now()
);

-- Queue content, shared by the entries that refer to it (a dead letter keeps its message's bytes, not a copy).
CREATE TABLE queue_content (
    id   bigserial PRIMARY KEY,
    size bigint NOT NULL
);

CREATE TABLE queue_chunk (
    content_id bigint NOT NULL REFERENCES queue_content (id) ON DELETE CASCADE,
    seq        integer NOT NULL,
    data       bytea NOT NULL,
    PRIMARY KEY (content_id, seq)
);
ALTER TABLE queue_chunk ALTER COLUMN data SET STORAGE EXTERNAL;

CREATE TABLE queue_entry (
    id            uuid PRIMARY KEY,
    queue         text NOT NULL,
    attr_names    text[] NOT NULL,
    attr_values   text[] NOT NULL,
    due           timestamptz NOT NULL,
    queued_at     timestamptz NOT NULL DEFAULT now(),
    content_id    bigint NOT NULL REFERENCES queue_content (id),
    claim_holder  text,
    claim_token   uuid,
    claim_expires timestamptz
);
CREATE INDEX queue_entry_due ON queue_entry (queue, due, queued_at);
CREATE INDEX queue_entry_content ON queue_entry (content_id);
