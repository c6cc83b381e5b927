package io.serai.imap.protocol.request;

/**
 * One {@code fetch-att} of a FETCH command (RFC 9051 §6.4.5). Each kind of item is its own small type; the
 * macros ALL, FAST and FULL are expanded by the decoder into these.
 */
public sealed interface FetchItem permits FetchItem.Simple, BodySectionItem, BinaryItem {

    /** Items without arguments; MODSEQ is CONDSTORE's (RFC 7162 §3.1.4), SAVEDATE is RFC 8514 §4.2's. */
    enum Simple implements FetchItem {
        FLAGS, INTERNALDATE, RFC822_SIZE, ENVELOPE, BODY, BODYSTRUCTURE, UID, MODSEQ, SAVEDATE
    }

    /** Whether fetching this item sets {@code \Seen} (RFC 9051 §6.4.5: BODY[...] and BINARY[...] without PEEK). */
    default boolean setsSeen() {
        return false;
    }
}
