package io.serai.store.embedded.internal.journal;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import io.serai.store.api.FlagUpdate;
import io.serai.store.api.Flags;
import io.serai.store.api.event.StoreEvent;
import io.serai.store.embedded.internal.state.AccountState;
import io.serai.store.embedded.internal.state.MailboxState;
import io.serai.store.embedded.internal.state.MessageTable;
import io.serai.store.embedded.internal.state.StoreState;

/** Records that add, flag, expunge and copy messages. */
public final class MessageRecords {
    private MessageRecords() {
    }

    /** Where a message's bytes are and what it starts with. */
    public record NewMessage(long uid, long internalDate, long blobRef, int size, int metaLength, int crc,
                             int flagBits, Set<String> keywords) {
    }

    /**
     * Messages added to a mailbox at {@code savedAt} (epoch ms, their RFC 8514 save date). Written as type 26;
     * type 20, from before save dates were kept, is read with {@link MessageTable#UNKNOWN_SAVE_DATE}.
     */
    public record Appended(long mailboxId, long modSeq, long savedAt, List<NewMessage> messages)
            implements JournalRecord {
        public int type() {
            return 26;
        }

        public void write(DataOutputStream out) throws IOException {
            out.writeLong(mailboxId);
            DataIo.writeVarLong(out, modSeq);
            out.writeLong(savedAt);
            DataIo.writeVarLong(out, messages.size());
            for (NewMessage m : messages) {
                DataIo.writeVarLong(out, m.uid());
                out.writeLong(m.internalDate());
                out.writeLong(m.blobRef());
                out.writeInt(m.size());
                out.writeInt(m.metaLength());
                out.writeInt(m.crc());
                out.writeByte(m.flagBits());
                DataIo.writeStrings(out, m.keywords());
            }
        }

        @Override
        public List<ReentrantReadWriteLock> locks(StoreState s) {
            return mailboxLock(s, mailboxId);
        }

        public void apply(StoreState s, List<StoreEvent> events) {
            MailboxState m = s.mailboxes.get(mailboxId);
            if (m == null) {
                return;
            }
            long octets = 0;
            for (NewMessage n : messages) {
                m.messages.add(n.uid(), modSeq, n.internalDate(), savedAt, n.blobRef(), n.size(), n.metaLength(),
                        n.flagBits(), m.keywords.bitsOf(n.keywords()));
                m.uidNext = Math.max(m.uidNext, n.uid() + 1);
                octets += n.size();
                events.add(new StoreEvent.MessageAdded(m.account, mailboxId, n.uid(), modSeq));
            }
            m.highestModSeq = Math.max(m.highestModSeq, modSeq);
            m.octets += octets;
            usage(s, m.account, octets, messages.size());
        }

        static Appended read(DataInputStream in, boolean withSaveDate) throws IOException {
            long id = in.readLong();
            long modSeq = DataIo.readVarLong(in);
            long savedAt = withSaveDate ? in.readLong() : MessageTable.UNKNOWN_SAVE_DATE;
            int n = (int) DataIo.readVarLong(in);
            List<NewMessage> list = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                list.add(new NewMessage(DataIo.readVarLong(in), in.readLong(), in.readLong(), in.readInt(),
                        in.readInt(), in.readInt(), in.readByte(), DataIo.readStrings(in)));
            }
            return new Appended(id, modSeq, savedAt, list);
        }
    }

    /** The flag operation applied to the listed UIDs (only those that changed), all with one MODSEQ. */
    public record FlagsChanged(long mailboxId, long modSeq, FlagUpdate.Mode mode, Flags flags, long[] uids)
            implements JournalRecord {
        public int type() {
            return 21;
        }

        public void write(DataOutputStream out) throws IOException {
            out.writeLong(mailboxId);
            DataIo.writeVarLong(out, modSeq);
            out.writeByte(mode.ordinal());
            out.writeByte(flags.systemBits());
            DataIo.writeStrings(out, flags.keywords());
            DataIo.writeUids(out, uids);
        }

        @Override
        public List<ReentrantReadWriteLock> locks(StoreState s) {
            return mailboxLock(s, mailboxId);
        }

        public void apply(StoreState s, List<StoreEvent> events) {
            MailboxState m = s.mailboxes.get(mailboxId);
            if (m == null) {
                return;
            }
            FlagUpdate update = new FlagUpdate(mode, flags, OptionalLong.empty());
            for (long uid : uids) {
                int i = m.messages.indexOf(uid);
                if (i >= 0) {
                    Flags next = update.applyTo(m.flags(i));
                    m.messages.setFlags(i, next.systemBits(), m.keywords.bitsOf(next.keywords()), modSeq);
                    events.add(new StoreEvent.FlagsChanged(m.account, mailboxId, uid, modSeq));
                }
            }
            m.highestModSeq = Math.max(m.highestModSeq, modSeq);
        }

        static FlagsChanged read(DataInputStream in) throws IOException {
            long id = in.readLong();
            long modSeq = DataIo.readVarLong(in);
            FlagUpdate.Mode mode = FlagUpdate.Mode.values()[in.readByte()];
            int bits = in.readByte();
            Flags flags = Flags.fromBits(bits, DataIo.readStrings(in));
            return new FlagsChanged(id, modSeq, mode, flags, DataIo.readUids(in));
        }
    }

    public record Expunged(long mailboxId, long modSeq, long[] uids) implements JournalRecord {
        public int type() {
            return 22;
        }

        public void write(DataOutputStream out) throws IOException {
            out.writeLong(mailboxId);
            DataIo.writeVarLong(out, modSeq);
            DataIo.writeUids(out, uids);
        }

        @Override
        public List<ReentrantReadWriteLock> locks(StoreState s) {
            return mailboxLock(s, mailboxId);
        }

        public void apply(StoreState s, List<StoreEvent> events) {
            MailboxState m = s.mailboxes.get(mailboxId);
            if (m == null) {
                return;
            }
            MessageTable t = m.messages;
            boolean[] marked = new boolean[t.count()];
            long octets = 0;
            int removed = 0;
            long[] gone = new long[uids.length];
            for (long uid : uids) {
                int i = t.indexOf(uid);
                if (i >= 0 && !marked[i]) {
                    marked[i] = true;
                    octets += t.size(i);
                    gone[removed++] = uid;
                }
            }
            t.removeMarked(marked);
            long[] logged = Arrays.copyOf(gone, removed);
            Arrays.sort(logged);
            m.expunged.record(modSeq, logged);
            m.octets -= octets;
            m.highestModSeq = Math.max(m.highestModSeq, modSeq);
            usage(s, m.account, -octets, -removed);
            events.add(new StoreEvent.MessagesExpunged(m.account, mailboxId, uids, modSeq));
        }
    }

    /**
     * Copies share the stored bytes: only metadata is duplicated. The copies keep the internal date and get
     * {@code savedAt} as their save date (RFC 8514 section 1). Written as type 27; type 23 is read with none.
     */
    public record Copied(long sourceId, long targetId, long modSeq, long savedAt, long[] sourceUids,
                         long[] targetUids) implements JournalRecord {
        public int type() {
            return 27;
        }

        public void write(DataOutputStream out) throws IOException {
            out.writeLong(sourceId);
            out.writeLong(targetId);
            DataIo.writeVarLong(out, modSeq);
            out.writeLong(savedAt);
            DataIo.writeUids(out, sourceUids);
            DataIo.writeUids(out, targetUids);
        }

        @Override
        public List<ReentrantReadWriteLock> locks(StoreState s) {
            return mailboxLock(s, targetId);
        }

        public void apply(StoreState s, List<StoreEvent> events) {
            MailboxState src = s.mailboxes.get(sourceId);
            MailboxState dst = s.mailboxes.get(targetId);
            if (src == null || dst == null) {
                return;
            }
            long octets = 0;
            int copied = 0;
            for (int k = 0; k < sourceUids.length; k++) {
                int i = src.messages.indexOf(sourceUids[k]);
                if (i < 0) {
                    continue;
                }
                copied++;
                Flags f = src.flags(i);
                dst.messages.add(targetUids[k], modSeq, src.messages.internalDate(i), savedAt, src.messages.blobRef(i),
                        src.messages.size(i), src.messages.metaLength(i), f.systemBits(),
                        dst.keywords.bitsOf(f.keywords()));
                dst.uidNext = Math.max(dst.uidNext, targetUids[k] + 1);
                octets += src.messages.size(i);
                events.add(new StoreEvent.MessageAdded(dst.account, targetId, targetUids[k], modSeq));
            }
            dst.octets += octets;
            dst.highestModSeq = Math.max(dst.highestModSeq, modSeq);
            usage(s, dst.account, octets, copied);
        }
    }

    static JournalRecord read(int type, DataInputStream in) throws IOException {
        return switch (type) {
            case 20 -> Appended.read(in, false);
            case 26 -> Appended.read(in, true);
            case 21 -> FlagsChanged.read(in);
            case 22 -> new Expunged(in.readLong(), DataIo.readVarLong(in), DataIo.readUids(in));
            case 23 -> new Copied(in.readLong(), in.readLong(), DataIo.readVarLong(in), MessageTable.UNKNOWN_SAVE_DATE,
                    DataIo.readUids(in), DataIo.readUids(in));
            case 27 -> new Copied(in.readLong(), in.readLong(), DataIo.readVarLong(in), in.readLong(),
                    DataIo.readUids(in), DataIo.readUids(in));
            default -> throw new IOException("unknown message record type " + type);
        };
    }

    private static List<ReentrantReadWriteLock> mailboxLock(StoreState s, long id) {
        MailboxState m = s.mailboxes.get(id);
        return m == null ? List.of() : List.of(m.lock);
    }

    private static void usage(StoreState s, String account, long octets, long messages) {
        AccountState a = s.accounts.get(account);
        if (a != null) {
            a.addUsage(octets, messages);
        }
    }
}
