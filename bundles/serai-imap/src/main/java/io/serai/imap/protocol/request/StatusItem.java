package io.serai.imap.protocol.request;

import java.util.Locale;

/**
 * The {@code status-att} items (RFC 9051 §6.3.11; HIGHESTMODSEQ from RFC 7162, APPENDLIMIT from RFC 7889,
 * DELETED-STORAGE from RFC 9208 §4.2).
 */
public enum StatusItem {
    MESSAGES, UIDNEXT, UIDVALIDITY, UNSEEN, DELETED, SIZE, RECENT, HIGHESTMODSEQ, APPENDLIMIT, DELETED_STORAGE;

    /** The item as it appears on the wire, e.g. {@code DELETED-STORAGE}. */
    public String wireName() {
        return name().replace('_', '-');
    }

    /** The item named by a wire atom, case-insensitively. */
    public static StatusItem fromWire(String atom) {
        return valueOf(atom.toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
