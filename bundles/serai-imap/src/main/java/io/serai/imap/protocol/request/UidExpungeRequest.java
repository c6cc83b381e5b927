package io.serai.imap.protocol.request;

/** {@code UID EXPUNGE sequence-set} (RFC 4315 §2.1, RFC 9051 §6.4.9): expunge only these {@code \Deleted} UIDs. */
public record UidExpungeRequest(String tag, SequenceSet uids) implements ImapRequest {

    public static final String COMMAND = "UID EXPUNGE";

    @Override
    public String command() {
        return COMMAND;
    }
}
