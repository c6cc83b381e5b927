package io.serai.store.api.restore;

import java.time.Instant;
import java.util.Objects;

import io.serai.store.api.ContentSource;
import io.serai.store.api.Flags;

/**
 * A message as the source store has it: UID, MODSEQ, internal date, flags, its exact bytes and its save date
 * ({@code null} when the source does not know it; RFC 8514).
 */
public record RestoredMessage(long uid, long modSeq, Instant internalDate, Flags flags, ContentSource content,
                              Instant savedDate) {

    /** A message whose save date the source does not know. */
    public RestoredMessage(long uid, long modSeq, Instant internalDate, Flags flags, ContentSource content) {
        this(uid, modSeq, internalDate, flags, content, null);
    }

    public RestoredMessage {
        if (uid < 1 || modSeq < 1) {
            throw new IllegalArgumentException("uid and modSeq must be positive");
        }
        Objects.requireNonNull(internalDate, "internalDate");
        Objects.requireNonNull(flags, "flags");
        Objects.requireNonNull(content, "content");
    }
}
