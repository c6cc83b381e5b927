package io.serai.store.api;

/** COPYUID data (RFC 4315 section 3): source UIDs and the UIDs they got in the target, pairwise. */
public record UidMapping(long targetUidValidity, long[] sourceUids, long[] targetUids) {
    public UidMapping {
        if (sourceUids.length != targetUids.length) {
            throw new IllegalArgumentException("unpaired uids");
        }
        sourceUids = sourceUids.clone();
        targetUids = targetUids.clone();
    }

    @Override
    public long[] sourceUids() {
        return sourceUids.clone();
    }

    @Override
    public long[] targetUids() {
        return targetUids.clone();
    }
}
