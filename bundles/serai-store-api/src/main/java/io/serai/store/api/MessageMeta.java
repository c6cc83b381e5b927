package io.serai.store.api;

import java.time.Instant;

/** What FETCH FLAGS/UID/INTERNALDATE/RFC822.SIZE/MODSEQ needs, without touching the content. */
public record MessageMeta(long uid, long modSeq, Instant internalDate, long size, Flags flags) {
}
