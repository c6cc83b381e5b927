package io.serai.store.embedded.internal.snapshot;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import io.serai.store.api.QuotaLimits;
import io.serai.store.api.ScramCredential;
import io.serai.store.api.SpecialUse;
import io.serai.store.embedded.internal.journal.DataIo;
import io.serai.store.embedded.internal.state.AccountState;
import io.serai.store.embedded.internal.state.ExpungeLog;
import io.serai.store.embedded.internal.state.MailboxState;
import io.serai.store.embedded.internal.state.MessageTable;
import io.serai.store.embedded.internal.state.StoreState;

/** Writes and reads the whole in-memory state; messages as fixed-width rows, 60 bytes each. */
final class StateCodec {
    /** Since snapshot version 3 a row carries the save date after the internal date. */
    private static final int ROW = 6 * Long.BYTES + 3 * Integer.BYTES;
    private static final int ROW_BEFORE_V3 = 5 * Long.BYTES + 3 * Integer.BYTES;
    private static final int ROWS_PER_BLOCK = 4096;
    private StateCodec() {
    }

    static void write(StoreState s, DataOutputStream out) throws IOException {
        out.writeLong(s.nextMailboxId);
        out.writeLong(s.lastUidValidity);
        DataIo.writeStrings(out, new TreeSet<>(s.domains));
        writeMap(out, s.aliases);
        writeMap(out, s.catchAll);
        out.writeInt(s.accounts.size());
        for (AccountState a : s.accounts.values()) {
            out.writeUTF(a.address);
            ScramCredential c = a.credential;
            DataIo.writeBytes(out, c.salt());
            out.writeInt(c.iterations());
            DataIo.writeBytes(out, c.storedKey());
            DataIo.writeBytes(out, c.serverKey());
            QuotaLimits l = a.limits;
            out.writeBoolean(l != null);
            if (l != null) {
                out.writeLong(l.maxOctets());
                out.writeLong(l.maxMessages());
            }
            out.writeLong(a.usedOctets);
            out.writeLong(a.usedMessages);
            DataIo.writeStrings(out, a.subscriptions);
        }
        out.writeInt(s.mailboxes.size());
        for (MailboxState m : s.mailboxes.values()) {
            writeMailbox(out, m);
        }
    }

    private static void writeMailbox(DataOutputStream out, MailboxState m) throws IOException {
        out.writeLong(m.id);
        out.writeUTF(m.account);
        out.writeUTF(m.name);
        out.writeLong(m.uidValidity);
        out.writeByte(m.specialUse.map(Enum::ordinal).orElse(-1));
        out.writeLong(m.uidNext);
        out.writeLong(m.highestModSeq);
        out.writeLong(m.octets);
        List<String> keywords = m.keywords.names();
        out.writeInt(keywords.size());
        for (String k : keywords) {
            out.writeUTF(k);
        }
        MessageTable t = m.messages;
        out.writeInt(t.count());
        // rows go out in blocks: a million messages must not cost eight million stream calls
        ByteBuffer block = ByteBuffer.allocate(ROWS_PER_BLOCK * ROW);
        for (int i = 0; i < t.count(); i++) {
            block.putLong(t.uid(i)).putLong(t.modSeq(i)).putLong(t.internalDate(i)).putLong(t.savedDate(i))
                    .putLong(t.blobRef(i))
                    .putLong(t.keywords(i)).putInt(t.size(i)).putInt(t.metaLength(i)).putInt(t.flags(i));
            if (!block.hasRemaining()) {
                out.write(block.array(), 0, block.position());
                block.clear();
            }
        }
        out.write(block.array(), 0, block.position());
        m.expunged.write(out); // since snapshot version 2
    }

    static void read(StoreState s, DataInputStream in, int version) throws IOException {
        s.nextMailboxId = in.readLong();
        s.lastUidValidity = in.readLong();
        s.domains.addAll(DataIo.readStrings(in));
        readMap(in, s.aliases);
        readMap(in, s.catchAll);
        int accounts = in.readInt();
        for (int i = 0; i < accounts; i++) {
            String address = in.readUTF();
            byte[] salt = DataIo.readBytes(in);
            int iterations = in.readInt();
            AccountState a = new AccountState(address,
                    new ScramCredential(salt, iterations, DataIo.readBytes(in), DataIo.readBytes(in)));
            if (in.readBoolean()) {
                a.limits = new QuotaLimits(in.readLong(), in.readLong());
            }
            a.addUsage(in.readLong(), in.readLong());
            a.subscriptions.addAll(DataIo.readStrings(in));
            s.accounts.put(address, a);
        }
        int mailboxes = in.readInt();
        for (int i = 0; i < mailboxes; i++) {
            MailboxState m = readMailbox(in, version);
            s.mailboxes.put(m.id, m);
            AccountState a = s.accounts.get(m.account);
            if (a != null) {
                a.mailboxIds.put(m.name, m.id);
            }
        }
    }

    private static MailboxState readMailbox(DataInputStream in, int version) throws IOException {
        long id = in.readLong();
        String account = in.readUTF();
        String name = in.readUTF();
        long validity = in.readLong();
        int use = in.readByte();
        MailboxState m = new MailboxState(id, account, name, validity,
                use < 0 ? Optional.empty() : Optional.of(SpecialUse.values()[use]));
        m.uidNext = in.readLong();
        m.highestModSeq = in.readLong();
        m.octets = in.readLong();
        int k = in.readInt();
        List<String> keywords = new ArrayList<>(k);
        for (int i = 0; i < k; i++) {
            keywords.add(in.readUTF());
        }
        m.keywords.restore(keywords);
        int n = in.readInt();
        m.messages.ensureCapacity(n);
        boolean withSaveDate = version >= 3;
        int row = withSaveDate ? ROW : ROW_BEFORE_V3;
        byte[] block = new byte[ROWS_PER_BLOCK * row];
        for (int done = 0; done < n; ) {
            int rows = Math.min(ROWS_PER_BLOCK, n - done);
            in.readFully(block, 0, rows * row);
            ByteBuffer b = ByteBuffer.wrap(block, 0, rows * row);
            for (int r = 0; r < rows; r++) {
                long uid = b.getLong();
                long modSeq = b.getLong();
                long date = b.getLong();
                long saved = withSaveDate ? b.getLong() : MessageTable.UNKNOWN_SAVE_DATE;
                long ref = b.getLong();
                long kw = b.getLong();
                m.messages.add(uid, modSeq, date, saved, ref, b.getInt(), b.getInt(), b.getInt(), kw);
            }
            done += rows;
        }
        // a version 1 snapshot has no log: every expunge up to the mailbox's HIGHESTMODSEQ is unknown
        m.expunged = version >= 2 ? ExpungeLog.read(in) : new ExpungeLog(m.highestModSeq);
        return m;
    }

    private static void writeMap(DataOutputStream out, Map<String, String> map) throws IOException {
        out.writeInt(map.size());
        for (Map.Entry<String, String> e : map.entrySet()) {
            out.writeUTF(e.getKey());
            out.writeUTF(e.getValue());
        }
    }

    private static void readMap(DataInputStream in, Map<String, String> map) throws IOException {
        int n = in.readInt();
        for (int i = 0; i < n; i++) {
            map.put(in.readUTF(), in.readUTF());
        }
    }
}
