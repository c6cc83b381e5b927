package io.serai.imap.protocol.request;

import io.serai.imap.protocol.literal.Literal;
import io.serai.imap.protocol.literal.MemoryLiteral;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * {@code APPEND mailbox [flag-list] [date-time] literal} (RFC 9051 §6.3.12), or with several messages
 * (MULTIAPPEND, RFC 3502 §6.3.11): {@code APPEND mailbox 1*(SP [flag-list SP] [date-time SP] literal)}, appended
 * all or none. A message is held in memory or, past the spool threshold, in a spool file that the session deletes
 * once the command has run; the framer bounds the command by {@code FramerLimits}. A message may instead be built
 * from CATENATE parts (RFC 4469).
 *
 * @param messages the messages in the order given; never empty
 */
public record AppendMessageRequest(String tag, String mailbox, List<Message> messages) implements ImapRequest {

    /**
     * One message of the command.
     *
     * @param flags        flags as written, e.g. {@code \Seen} or a keyword
     * @param internalDate the date-time argument, or {@code null}
     * @param message      the literal's octets, stored exactly; {@code null} for a CATENATE
     * @param catenate     the parts of a CATENATE (RFC 4469 §5), in order; empty for a literal
     */
    public record Message(List<String> flags, OffsetDateTime internalDate, Literal message,
                          List<CatenatePart> catenate) {
        public Message {
            flags = List.copyOf(flags);
            catenate = List.copyOf(catenate);
            if ((message == null) == catenate.isEmpty()) {
                throw new IllegalArgumentException("a message is a literal or a CATENATE");
            }
        }

        public Message(List<String> flags, OffsetDateTime internalDate, Literal message) {
            this(flags, internalDate, message, List.of());
        }

        /** Whether the message is built from CATENATE parts. */
        public boolean catenated() {
            return message == null;
        }

        public Message(List<String> flags, OffsetDateTime internalDate, byte[] message) {
            this(flags, internalDate, new MemoryLiteral(message));
        }
    }

    public AppendMessageRequest {
        messages = List.copyOf(messages);
        if (messages.isEmpty()) {
            throw new IllegalArgumentException("APPEND needs a message");
        }
    }

    /** A single-message APPEND. */
    public AppendMessageRequest(String tag, String mailbox, List<String> flags, OffsetDateTime internalDate,
                                byte[] message) {
        this(tag, mailbox, List.of(new Message(flags, internalDate, message)));
    }

    /** The first (for a plain APPEND, the only) message's flags. */
    public List<String> flags() {
        return messages.get(0).flags();
    }

    public OffsetDateTime internalDate() {
        return messages.get(0).internalDate();
    }

    public Literal message() {
        return messages.get(0).message();
    }

    @Override
    public String command() {
        return "APPEND";
    }

    @Override
    public String toString() {
        return "AppendMessageRequest[" + tag + ", " + mailbox + ", " + messages.size() + " message(s)]";
    }
}
