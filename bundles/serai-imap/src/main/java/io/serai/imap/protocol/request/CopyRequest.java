package io.serai.imap.protocol.request;

/**
 * {@code [UID] COPY sequence-set mailbox} (RFC 9051 §6.4.7) and {@code [UID] MOVE sequence-set mailbox}
 * (RFC 6851 §3, RFC 9051 §6.4.8): the same shape, told apart by {@link #command()}.
 *
 * @param command {@code COPY} or {@code MOVE}
 * @param mailbox the target, already decoded from modified UTF-7 or UTF-8
 */
public record CopyRequest(String tag, String command, boolean byUid, SequenceSet messages, String mailbox)
        implements ImapRequest {
}
