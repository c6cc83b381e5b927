package io.serai.imap.protocol.request;

/** A command without arguments: CAPABILITY, NOOP, LOGOUT, STARTTLS, CHECK, CLOSE, UNSELECT, EXPUNGE, NAMESPACE, IDLE. */
public record SimpleRequest(String tag, String command) implements ImapRequest {
}
