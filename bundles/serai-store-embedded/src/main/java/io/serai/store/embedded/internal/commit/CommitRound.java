package io.serai.store.embedded.internal.commit;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import io.serai.store.api.event.StoreEvent;
import io.serai.store.embedded.internal.blob.BlobSegment;
import io.serai.store.embedded.internal.journal.JournalRecord;
import io.serai.store.embedded.internal.journal.RecordCodec;
import io.serai.store.embedded.internal.journal.RoundEnd;

/** What one commit round has accumulated: encoded frames, content segments to force, locks, events. */
final class CommitRound {
    private static final byte[] END = RecordCodec.frame(new RoundEnd());
    static final int END_BYTES = END.length;

    final Set<ReentrantReadWriteLock> locked = new LinkedHashSet<>();
    final List<StoreEvent> events = new ArrayList<>();
    final List<Object> decided = new ArrayList<>();
    final Set<BlobSegment> segments = new LinkedHashSet<>();
    private final ByteArrayOutputStream frames = new ByteArrayOutputStream();

    void addFrames(List<byte[]> encoded, List<BlobSegment> contentSegments) {
        encoded.forEach(frames::writeBytes);
        segments.addAll(contentSegments);
    }

    boolean hasFrames() {
        return frames.size() > 0;
    }

    int frameBytes() {
        return frames.size();
    }

    /** The frames followed by the end marker recovery uses to find complete rounds. */
    byte[] sealedFrames() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(frames.size() + END.length);
        out.writeBytes(frames.toByteArray());
        out.writeBytes(END);
        return out.toByteArray();
    }

    void clearFrames() {
        frames.reset();
        segments.clear();
    }

    static boolean isEnd(JournalRecord r) {
        return r instanceof RoundEnd;
    }
}
