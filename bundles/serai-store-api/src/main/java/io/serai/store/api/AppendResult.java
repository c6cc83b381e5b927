package io.serai.store.api;

/** APPENDUID data (RFC 4315 section 3): the UIDVALIDITY and the UIDs assigned, in request order. */
public record AppendResult(long uidValidity, long[] uids) {
    public AppendResult {
        uids = uids.clone();
    }

    @Override
    public long[] uids() {
        return uids.clone();
    }

    /** The UID of a single append. */
    public long uid() {
        return uids[0];
    }
}
