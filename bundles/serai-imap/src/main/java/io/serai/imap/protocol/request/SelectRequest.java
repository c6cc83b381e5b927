package io.serai.imap.protocol.request;

/** {@code SELECT} or {@code EXAMINE} ({@code readOnly}), with the CONDSTORE parameter (RFC 7162 §3.2.2). */
public record SelectRequest(String tag, String mailbox, boolean readOnly, boolean condstore) implements ImapRequest {

    @Override
    public String command() {
        return readOnly ? "EXAMINE" : "SELECT";
    }
}
