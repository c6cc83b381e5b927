package io.serai.camel.imapidle.internal;

/**
 * The highest UID whose exchange was committed, with the folder's UIDVALIDITY: together the idempotency key. UIDs
 * rise strictly within one UIDVALIDITY (RFC 3501 section 2.3.1.1), so after a reconnect exactly the messages with
 * a larger UID are new. Thread-safe: the worker reads it, a completing exchange advances it.
 */
public final class UidWatermark {

    /** What {@link #align} found. */
    public enum Alignment {
        /** Same UIDVALIDITY as before: continue after the last committed UID. */
        CONTINUE,
        /** Nothing was known (first start without state). */
        FIRST,
        /** The server's UIDVALIDITY differs: the stored UIDs name nothing any more. */
        CHANGED
    }

    private long uidValidity;
    private long lastUid;

    public synchronized void restore(long uidValidity, long lastUid) {
        this.uidValidity = uidValidity;
        this.lastUid = lastUid;
    }

    /**
     * Lines the watermark up with the folder just opened. When the UIDVALIDITY differs (or was unknown), the
     * watermark starts again from zero under the server's value; the caller decides which messages count as done.
     */
    public synchronized Alignment align(long serverUidValidity) {
        if (uidValidity == serverUidValidity && uidValidity != 0) {
            return Alignment.CONTINUE;
        }
        Alignment result = uidValidity == 0 ? Alignment.FIRST : Alignment.CHANGED;
        uidValidity = serverUidValidity;
        lastUid = 0;
        return result;
    }

    /** Marks {@code uid} committed; never moves backwards. Returns whether it moved. */
    public synchronized boolean commit(long uid) {
        if (uid <= lastUid) {
            return false;
        }
        lastUid = uid;
        return true;
    }

    public synchronized long uidValidity() {
        return uidValidity;
    }

    public synchronized long lastUid() {
        return lastUid;
    }
}
