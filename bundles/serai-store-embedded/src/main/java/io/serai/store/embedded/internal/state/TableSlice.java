package io.serai.store.embedded.internal.state;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import io.serai.store.api.Flags;
import io.serai.store.api.MessageMeta;

/**
 * A copy of selected rows of a mailbox's table, taken under its read lock with plain array copies; the
 * objects callers want are built afterwards, so a big listing never holds up the committer.
 */
public final class TableSlice {
    private final long[] uid;
    private final long[] modSeq;
    private final long[] internalDate;
    private final long[] savedDate;
    private final long[] blobRef;
    private final long[] keywords;
    private final int[] size;
    private final int[] metaLength;
    private final int[] flags;
    private final List<String> keywordNames;

    /** Caller holds the mailbox's read lock. */
    public TableSlice(MailboxState m, int[] rows) {
        MessageTable t = m.messages;
        int n = rows.length;
        uid = new long[n];
        modSeq = new long[n];
        internalDate = new long[n];
        savedDate = new long[n];
        blobRef = new long[n];
        keywords = new long[n];
        size = new int[n];
        metaLength = new int[n];
        flags = new int[n];
        for (int k = 0; k < n; k++) {
            int i = rows[k];
            uid[k] = t.uid(i);
            modSeq[k] = t.modSeq(i);
            internalDate[k] = t.internalDate(i);
            savedDate[k] = t.savedDate(i);
            blobRef[k] = t.blobRef(i);
            keywords[k] = t.keywords(i);
            size[k] = t.size(i);
            metaLength[k] = t.metaLength(i);
            flags[k] = t.flags(i);
        }
        keywordNames = m.keywords.names();
    }

    public int count() {
        return uid.length;
    }

    public long blobRef(int k) {
        return blobRef[k];
    }

    public int metaLength(int k) {
        return metaLength[k];
    }

    public MessageMeta meta(int k) {
        List<String> names = new ArrayList<>();
        for (int b = 0; b < keywordNames.size(); b++) {
            if ((keywords[k] & (1L << b)) != 0) {
                names.add(keywordNames.get(b));
            }
        }
        return new MessageMeta(uid[k], modSeq[k], Instant.ofEpochMilli(internalDate[k]), size[k],
                Flags.fromBits(flags[k], new TreeSet<>(names)), MailboxState.savedDate(savedDate[k]));
    }

    public List<MessageMeta> metas() {
        List<MessageMeta> out = new ArrayList<>(count());
        for (int k = 0; k < count(); k++) {
            out.add(meta(k));
        }
        return out;
    }
}
