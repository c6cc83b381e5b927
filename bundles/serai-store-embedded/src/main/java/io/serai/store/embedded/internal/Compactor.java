package io.serai.store.embedded.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.serai.store.api.StoreException;
import io.serai.store.embedded.CompactionReport;
import io.serai.store.embedded.internal.blob.BlobSegment;
import io.serai.store.embedded.internal.blob.BlobStore;
import io.serai.store.embedded.internal.blob.BlobWrite;
import io.serai.store.embedded.internal.commit.Command;
import io.serai.store.embedded.internal.commit.Decision;
import io.serai.store.embedded.internal.journal.Relocated;
import io.serai.store.embedded.internal.state.MailboxState;
import io.serai.store.embedded.internal.state.MessageTable;
import io.serai.store.embedded.internal.state.StoreState;

/**
 * Reclaims space: plans on the committer thread (which references are live), copies live bytes on the
 * caller's thread, commits a {@link Relocated} record, then deletes the old segment if no uncommitted
 * append still points into it.
 */
final class Compactor {
    private final StoreImpl store;
    private final BlobStore blobs;

    Compactor(StoreImpl store, BlobStore blobs) {
        this.store = store;
        this.blobs = blobs;
    }

    CompactionReport compact(double maxLiveRatio) throws StoreException {
        try {
            blobs.closeDeleted();
            Map<Integer, Long> sealed = blobs.sealed();
            if (sealed.isEmpty()) {
                return new CompactionReport(0, 0, 0);
            }
            Map<Integer, Map<Long, long[]>> plan = store.execute(s -> new Decision<>(List.of(), live(s, sealed)));
            int deleted = 0;
            long reclaimed = 0;
            int moved = 0;
            for (Map.Entry<Integer, Long> seg : sealed.entrySet()) {
                Map<Long, long[]> refs = plan.getOrDefault(seg.getKey(), Map.of());
                long liveBytes = refs.values().stream().mapToLong(v -> v[0] + v[1]).sum();
                if (seg.getValue() == 0 || (double) liveBytes / seg.getValue() >= maxLiveRatio) {
                    continue;
                }
                moved += relocate(refs);
                if (deleteIfUnreferenced(seg.getKey())) {
                    deleted++;
                    reclaimed += seg.getValue() - liveBytes;
                }
            }
            return new CompactionReport(deleted, reclaimed, moved);
        } catch (IOException e) {
            throw Durability.writeFailure("compacting", e);
        }
    }

    /** Copies the live bytes and commits the new references; returns how many were moved. */
    private int relocate(Map<Long, long[]> refs) throws IOException {
        if (refs.isEmpty()) {
            return 0;
        }
        List<BlobWrite> writes = new ArrayList<>(refs.size());
        try {
            List<Relocated.Move> moves = new ArrayList<>(refs.size());
            for (Map.Entry<Long, long[]> r : refs.entrySet()) {
                BlobWrite w = blobs.copy(r.getKey(), (int) r.getValue()[0], (int) r.getValue()[1]);
                writes.add(w);
                moves.add(new Relocated.Move(r.getKey(), w.ref(), r.getValue()[0] + r.getValue()[1], w.crc()));
            }
            List<BlobSegment> segments = writes.stream().map(BlobWrite::segment).distinct().toList();
            store.execute(new Command<Void>() {
                @Override
                public Decision<Void> decide(StoreState state) {
                    return Decision.of(null, new Relocated(moves));
                }

                @Override
                public List<BlobSegment> segments() {
                    return segments;
                }
            });
            return moves.size();
        } finally {
            blobs.settled(writes);
        }
    }

    /**
     * Decided on the committer thread, the only one that adds references: an append that committed since
     * the plan is seen in the tables, one still in flight is seen in the segment's pending count.
     */
    private boolean deleteIfUnreferenced(int segment) throws StoreException {
        return store.execute(s -> {
            for (MailboxState m : s.mailboxes.values()) {
                for (int i = 0; i < m.messages.count(); i++) {
                    if (BlobStore.segmentOf(m.messages.blobRef(i)) == segment) {
                        return new Decision<>(List.of(), false);
                    }
                }
            }
            try {
                return new Decision<>(List.of(), blobs.deleteIfIdle(segment));
            } catch (IOException e) {
                throw Durability.writeFailure("deleting a compacted segment", e);
            }
        });
    }

    /** Per sealed segment: each referenced blob with its content size and structure length. */
    private static Map<Integer, Map<Long, long[]>> live(StoreState s, Map<Integer, Long> sealed) {
        Map<Integer, Map<Long, long[]>> out = new HashMap<>();
        for (MailboxState m : s.mailboxes.values()) {
            MessageTable t = m.messages;
            for (int i = 0; i < t.count(); i++) {
                int seg = BlobStore.segmentOf(t.blobRef(i));
                if (sealed.containsKey(seg)) {
                    out.computeIfAbsent(seg, k -> new LinkedHashMap<>())
                            .putIfAbsent(t.blobRef(i), new long[] {t.size(i), t.metaLength(i)});
                }
            }
        }
        return out;
    }
}
