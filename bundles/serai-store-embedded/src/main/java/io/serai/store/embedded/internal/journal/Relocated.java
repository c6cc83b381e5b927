package io.serai.store.embedded.internal.journal;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import io.serai.store.api.event.StoreEvent;
import io.serai.store.embedded.internal.state.MailboxState;
import io.serai.store.embedded.internal.state.MessageTable;
import io.serai.store.embedded.internal.state.StoreState;

/**
 * Compaction moved stored bytes: every message (in any mailbox, copies included) that pointed at a
 * {@code from} reference now points at {@code to}. Length and CRC let recovery check the new copy.
 */
public record Relocated(List<Move> moves) implements JournalRecord {

    public record Move(long from, long to, long length, int crc) {
    }

    public Relocated {
        moves = List.copyOf(moves);
    }

    public int type() {
        return 24;
    }

    public void write(DataOutputStream out) throws IOException {
        DataIo.writeVarLong(out, moves.size());
        for (Move m : moves) {
            out.writeLong(m.from());
            out.writeLong(m.to());
            out.writeLong(m.length());
            out.writeInt(m.crc());
        }
    }

    static Relocated read(DataInputStream in) throws IOException {
        int n = (int) DataIo.readVarLong(in);
        List<Move> moves = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            moves.add(new Move(in.readLong(), in.readLong(), in.readLong(), in.readInt()));
        }
        return new Relocated(moves);
    }

    /** Any mailbox may hold a copy, so readers of all of them wait for this (rare) change. */
    @Override
    public List<ReentrantReadWriteLock> locks(StoreState state) {
        return state.mailboxes.values().stream().map(m -> m.lock).toList();
    }

    public void apply(StoreState state, List<StoreEvent> events) {
        Map<Long, Long> to = new HashMap<>();
        moves.forEach(m -> to.put(m.from(), m.to()));
        for (MailboxState m : state.mailboxes.values()) {
            MessageTable t = m.messages;
            for (int i = 0; i < t.count(); i++) {
                Long moved = to.get(t.blobRef(i));
                if (moved != null) {
                    t.setBlobRef(i, moved);
                }
            }
        }
    }
}
