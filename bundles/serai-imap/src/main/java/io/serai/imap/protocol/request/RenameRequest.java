package io.serai.imap.protocol.request;

/** {@code RENAME existing new} (RFC 9051 §6.3.6). */
public record RenameRequest(String tag, String from, String to) implements ImapRequest {

    @Override
    public String command() {
        return "RENAME";
    }
}
