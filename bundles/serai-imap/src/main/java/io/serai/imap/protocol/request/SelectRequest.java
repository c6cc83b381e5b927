package io.serai.imap.protocol.request;

/**
 * {@code SELECT} or {@code EXAMINE} ({@code readOnly}), with the CONDSTORE parameter (RFC 7162 §3.1.8) and the QRESYNC
 * parameter (RFC 7162 §3.2.5).
 *
 * @param qresync the QRESYNC parameter, or {@code null}
 */
public record SelectRequest(String tag, String mailbox, boolean readOnly, boolean condstore, Qresync qresync)
        implements ImapRequest {

    /**
     * {@code QRESYNC (uidvalidity mod-sequence [known-uids [seq-match-data]])}. The sequence match data is read
     * but not used: VANISHED (EARLIER) is computed from the mailbox itself (see the processor).
     *
     * @param knownUids the UIDs the client knows, or {@code null} for all of them
     */
    public record Qresync(long uidValidity, long modSeq, SequenceSet knownUids) {
    }

    public SelectRequest(String tag, String mailbox, boolean readOnly, boolean condstore) {
        this(tag, mailbox, readOnly, condstore, null);
    }

    @Override
    public String command() {
        return readOnly ? "EXAMINE" : "SELECT";
    }
}
