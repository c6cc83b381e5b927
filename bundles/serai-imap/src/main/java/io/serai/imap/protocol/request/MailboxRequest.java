package io.serai.imap.protocol.request;

/** A command whose only argument is a mailbox: CREATE, DELETE, SUBSCRIBE, UNSUBSCRIBE. */
public record MailboxRequest(String tag, String command, String mailbox) implements ImapRequest {
}
