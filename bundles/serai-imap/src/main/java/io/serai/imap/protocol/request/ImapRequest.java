package io.serai.imap.protocol.request;

/** One decoded client command: an immutable value the processor acts on. */
public interface ImapRequest {

    String tag();

    /** The command name in upper case, e.g. {@code SELECT}. */
    String command();
}
