package io.serai.store.postgres.internal.content;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The heads and structures of recently read messages, bounded by bytes, least recently used out first. Stored
 * content never changes (a new message is a new row), so entries are valid on every node without invalidation.
 */
public final class ContentCache {
    /** What is cached of one content row. */
    public record Entry(long size, byte[] structure, byte[] head) {
        long weight() {
            return structure.length + head.length + 64L;
        }
    }

    private final long capacity;
    private final LinkedHashMap<Long, Entry> entries = new LinkedHashMap<>(1024, 0.75f, true);
    private long used;

    public ContentCache(long capacityBytes) {
        this.capacity = capacityBytes;
    }

    public synchronized Entry get(long contentId) {
        return entries.get(contentId);
    }

    public synchronized void put(long contentId, Entry entry) {
        if (entry.weight() > capacity / 8) {
            return; // one message must not flush the cache
        }
        Entry old = entries.put(contentId, entry);
        used += entry.weight() - (old == null ? 0 : old.weight());
        for (Iterator<Map.Entry<Long, Entry>> it = entries.entrySet().iterator(); used > capacity && it.hasNext(); ) {
            used -= it.next().getValue().weight();
            it.remove();
        }
    }

    /** Bytes held (for metrics). */
    public synchronized long usedBytes() {
        return used;
    }
}
