package io.serai.imap.protocol.encode;

/**
 * One {@code address} of an ENVELOPE (RFC 9051 §7.5.2): {@code (name adl mailbox host)}, {@code null} being NIL.
 * A group is framed by {@code (NIL NIL group-name NIL)} and {@code (NIL NIL NIL NIL)} (RFC 5322 §3.4 group syntax).
 */
public record Address(byte[] name, byte[] adl, byte[] mailbox, byte[] host) {

    public static Address groupStart(byte[] name) {
        return new Address(null, null, name, null);
    }

    public static Address groupEnd() {
        return new Address(null, null, null, null);
    }
}
