package io.serai.store.api.search;

/** MODSEQ n: messages with a MODSEQ of at least n (RFC 7162 section 3.1.5). */
public record ModSeqKey(long atLeast) implements SearchKey {
}
