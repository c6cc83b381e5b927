package io.serai.imap.protocol.response;

/**
 * {@code * n EXISTS} (RFC 9051 §7.4.1), {@code * n EXPUNGE} (§7.5.1) or the IMAP4rev1-only {@code * n RECENT}
 * (RFC 3501 §7.3.2).
 */
public record MessageCountResponse(long number, Kind kind) implements ImapResponse {

    public enum Kind { EXISTS, EXPUNGE, RECENT }

    public static MessageCountResponse exists(long n) {
        return new MessageCountResponse(n, Kind.EXISTS);
    }

    public static MessageCountResponse expunge(long msn) {
        return new MessageCountResponse(msn, Kind.EXPUNGE);
    }
}
