package io.serai.store.api;

import java.time.Instant;

/**
 * What FETCH FLAGS/UID/INTERNALDATE/RFC822.SIZE/MODSEQ/SAVEDATE needs, without touching the content.
 *
 * @param internalDate the date the message carries from mailbox to mailbox (APPEND's date, kept by COPY/MOVE)
 * @param savedDate when the message was saved into this mailbox (RFC 8514 section 1: reset by COPY and MOVE), or
 *     {@code null} for a message stored before the store kept save dates
 */
public record MessageMeta(long uid, long modSeq, Instant internalDate, long size, Flags flags, Instant savedDate) {

    /** A message whose save date is not known. */
    public MessageMeta(long uid, long modSeq, Instant internalDate, long size, Flags flags) {
        this(uid, modSeq, internalDate, size, flags, null);
    }

    /** The save date, or the internal date where it is not known (RFC 8514 section 4.3 for searches). */
    public Instant savedDateOrInternal() {
        return savedDate != null ? savedDate : internalDate;
    }
}
