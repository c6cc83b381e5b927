package io.serai.imap.protocol.process;

/**
 * The session's resynchronisation extensions (RFC 7162), shared with the selected mailbox so that every place that
 * reports changes asks the same question: CONDSTORE adds MODSEQ to every FETCH of flags (§3.1.4), QRESYNC replaces
 * EXPUNGE with VANISHED (§3.2.10). One instance per session; changed only on the session's thread.
 */
final class SyncModes {

    private boolean condstore;
    private boolean qresync;

    boolean condstore() {
        return condstore || qresync;
    }

    boolean qresync() {
        return qresync;
    }

    void enableCondstore() {
        condstore = true;
    }

    void enableQresync() {
        qresync = true;
    }
}
