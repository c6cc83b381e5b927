package io.serai.imap.protocol.request;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * {@code APPEND mailbox [flag-list] [date-time] literal} (RFC 9051 §6.3.12). The message is held in memory for now;
 * the framer bounds it by {@code FramerLimits.maxLiteralSize}.
 *
 * @param flags        flags as written, e.g. {@code \Seen} or a keyword
 * @param internalDate the date-time argument, or {@code null}
 */
public record AppendMessageRequest(String tag, String mailbox, List<String> flags, OffsetDateTime internalDate,
                                   byte[] message) implements ImapRequest {

    public AppendMessageRequest {
        flags = List.copyOf(flags);
    }

    @Override
    public String command() {
        return "APPEND";
    }

    @Override
    public String toString() {
        return "AppendMessageRequest[" + tag + ", " + mailbox + ", " + flags + ", " + message.length + " octets]";
    }
}
