package io.serai.store.embedded.internal.state;

import java.util.Arrays;

/**
 * Per-message metadata of one mailbox as parallel primitive arrays sorted by UID: about 60 bytes per
 * message, so a million messages fit in ~60 MB of heap. Guarded by the owning mailbox's lock.
 */
public final class MessageTable {
    /** The save date of a message stored before the journal kept save dates (RFC 8514: FETCH answers NIL). */
    public static final long UNKNOWN_SAVE_DATE = Long.MIN_VALUE;

    private long[] uid = new long[16];
    private long[] modSeq = new long[16];
    private long[] internalDate = new long[16];
    private long[] savedDate = new long[16];
    private long[] blobRef = new long[16];
    private long[] keywords = new long[16];
    private int[] size = new int[16];
    private int[] flags = new int[16];
    private int[] metaLength = new int[16];
    private int count;

    public int count() {
        return count;
    }

    /** Index of the UID, or a negative value when absent. */
    public int indexOf(long u) {
        return Arrays.binarySearch(uid, 0, count, u);
    }

    /** Appends a message; UIDs only grow, so the array stays sorted. */
    public void add(long u, long mod, long date, long saved, long ref, int sz, int metaLen, int flagBits,
                    long keywordBits) {
        if (count > 0 && u <= uid[count - 1]) {
            throw new IllegalStateException("UID " + u + " not above " + uid[count - 1]);
        }
        if (count == uid.length) {
            grow();
        }
        uid[count] = u;
        modSeq[count] = mod;
        internalDate[count] = date;
        savedDate[count] = saved;
        blobRef[count] = ref;
        size[count] = sz;
        metaLength[count] = metaLen;
        flags[count] = flagBits;
        keywords[count] = keywordBits;
        count++;
    }

    public void setFlags(int i, int flagBits, long keywordBits, long mod) {
        flags[i] = flagBits;
        keywords[i] = keywordBits;
        modSeq[i] = mod;
    }

    public void setBlobRef(int i, long ref) {
        blobRef[i] = ref;
    }

    /** Removes the entries whose indexes are marked, keeping order. */
    public void removeMarked(boolean[] marked) {
        int w = 0;
        for (int r = 0; r < count; r++) {
            if (!marked[r]) {
                if (w != r) {
                    uid[w] = uid[r];
                    modSeq[w] = modSeq[r];
                    internalDate[w] = internalDate[r];
                    savedDate[w] = savedDate[r];
                    blobRef[w] = blobRef[r];
                    size[w] = size[r];
                    metaLength[w] = metaLength[r];
                    flags[w] = flags[r];
                    keywords[w] = keywords[r];
                }
                w++;
            }
        }
        count = w;
    }

    /** An independent copy, for writing a snapshot off the committer thread. */
    public MessageTable copy() {
        MessageTable t = new MessageTable();
        t.uid = Arrays.copyOf(uid, Math.max(count, 1));
        t.modSeq = Arrays.copyOf(modSeq, Math.max(count, 1));
        t.internalDate = Arrays.copyOf(internalDate, Math.max(count, 1));
        t.savedDate = Arrays.copyOf(savedDate, Math.max(count, 1));
        t.blobRef = Arrays.copyOf(blobRef, Math.max(count, 1));
        t.keywords = Arrays.copyOf(keywords, Math.max(count, 1));
        t.size = Arrays.copyOf(size, Math.max(count, 1));
        t.flags = Arrays.copyOf(flags, Math.max(count, 1));
        t.metaLength = Arrays.copyOf(metaLength, Math.max(count, 1));
        t.count = count;
        return t;
    }

    /** Sizes the arrays once when the count is known (snapshot load). */
    public void ensureCapacity(int n) {
        while (uid.length < n) {
            grow();
        }
    }

    private void grow() {
        int n = uid.length * 2;
        uid = Arrays.copyOf(uid, n);
        modSeq = Arrays.copyOf(modSeq, n);
        internalDate = Arrays.copyOf(internalDate, n);
        savedDate = Arrays.copyOf(savedDate, n);
        blobRef = Arrays.copyOf(blobRef, n);
        keywords = Arrays.copyOf(keywords, n);
        size = Arrays.copyOf(size, n);
        flags = Arrays.copyOf(flags, n);
        metaLength = Arrays.copyOf(metaLength, n);
    }

    public long uid(int i) {
        return uid[i];
    }

    public long modSeq(int i) {
        return modSeq[i];
    }

    public long internalDate(int i) {
        return internalDate[i];
    }

    /** Epoch milliseconds, or {@link #UNKNOWN_SAVE_DATE}. */
    public long savedDate(int i) {
        return savedDate[i];
    }

    public long blobRef(int i) {
        return blobRef[i];
    }

    public int size(int i) {
        return size[i];
    }

    public int metaLength(int i) {
        return metaLength[i];
    }

    public int flags(int i) {
        return flags[i];
    }

    public long keywords(int i) {
        return keywords[i];
    }
}
