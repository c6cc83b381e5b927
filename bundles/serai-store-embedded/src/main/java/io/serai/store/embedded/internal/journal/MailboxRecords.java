package io.serai.store.embedded.internal.journal;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import io.serai.store.api.SpecialUse;
import io.serai.store.api.event.StoreEvent;
import io.serai.store.embedded.internal.state.AccountState;
import io.serai.store.embedded.internal.state.MailboxState;
import io.serai.store.embedded.internal.state.StoreState;

/** Records that create, rename and delete mailboxes. */
public final class MailboxRecords {
    private MailboxRecords() {
    }

    public record Created(long id, String account, String name, long uidValidity, Optional<SpecialUse> specialUse)
            implements JournalRecord {
        public int type() {
            return 11;
        }

        public void write(DataOutputStream out) throws IOException {
            out.writeLong(id);
            out.writeUTF(account);
            out.writeUTF(name);
            out.writeLong(uidValidity);
            out.writeByte(specialUse.map(Enum::ordinal).orElse(-1));
        }

        public void apply(StoreState s, List<StoreEvent> events) {
            AccountState a = s.accounts.get(account);
            s.nextMailboxId = Math.max(s.nextMailboxId, id + 1);
            s.lastUidValidity = Math.max(s.lastUidValidity, uidValidity);
            if (a == null) {
                return;
            }
            s.mailboxes.put(id, new MailboxState(id, account, name, uidValidity, specialUse));
            a.mailboxIds.put(name, id);
            events.add(new StoreEvent.MailboxCreated(account, id, name));
        }

        static Created read(DataInputStream in) throws IOException {
            long id = in.readLong();
            String account = in.readUTF();
            String name = in.readUTF();
            long validity = in.readLong();
            int use = in.readByte();
            return new Created(id, account, name, validity,
                    use < 0 ? Optional.empty() : Optional.of(SpecialUse.values()[use]));
        }
    }

    public record Renamed(long id, String newName) implements JournalRecord {
        public int type() {
            return 12;
        }

        public void write(DataOutputStream out) throws IOException {
            out.writeLong(id);
            out.writeUTF(newName);
        }

        public void apply(StoreState s, List<StoreEvent> events) {
            MailboxState m = s.mailboxes.get(id);
            AccountState a = m == null ? null : s.accounts.get(m.account);
            if (a == null) {
                return;
            }
            String old = m.name;
            a.mailboxIds.remove(old);
            a.mailboxIds.put(newName, id);
            m.name = newName;
            events.add(new StoreEvent.MailboxRenamed(m.account, id, old, newName));
        }
    }

    public record Deleted(long id) implements JournalRecord {
        public int type() {
            return 13;
        }

        public void write(DataOutputStream out) throws IOException {
            out.writeLong(id);
        }

        @Override
        public List<ReentrantReadWriteLock> locks(StoreState s) {
            MailboxState m = s.mailboxes.get(id);
            return m == null ? List.of(s.catalogLock) : List.of(s.catalogLock, m.lock);
        }

        public void apply(StoreState s, List<StoreEvent> events) {
            MailboxState m = s.mailboxes.remove(id);
            if (m == null) {
                return;
            }
            m.deleted = true;
            AccountState a = s.accounts.get(m.account);
            if (a != null) {
                a.mailboxIds.remove(m.name);
                a.addUsage(-m.octets, -m.messages.count());
            }
            events.add(new StoreEvent.MailboxDeleted(m.account, id, m.name));
        }
    }

    /**
     * UIDNEXT and HIGHESTMODSEQ raised to a copied mailbox's values (serai:store-copy): expunged messages at the
     * source left gaps that the next UID must not fill. Never lowers either.
     */
    public record CountersRaised(long id, long uidNext, long highestModSeq) implements JournalRecord {
        public int type() {
            return 14;
        }

        public void write(DataOutputStream out) throws IOException {
            out.writeLong(id);
            out.writeLong(uidNext);
            out.writeLong(highestModSeq);
        }

        @Override
        public List<ReentrantReadWriteLock> locks(StoreState s) {
            MailboxState m = s.mailboxes.get(id);
            return m == null ? List.of() : List.of(m.lock);
        }

        public void apply(StoreState s, List<StoreEvent> events) {
            MailboxState m = s.mailboxes.get(id);
            if (m != null) {
                m.uidNext = Math.max(m.uidNext, uidNext);
                m.highestModSeq = Math.max(m.highestModSeq, highestModSeq);
                m.expunged.forgetUpTo(m.highestModSeq); // the source's expunges were not copied
            }
        }
    }

    static JournalRecord read(int type, DataInputStream in) throws IOException {
        return switch (type) {
            case 11 -> Created.read(in);
            case 12 -> new Renamed(in.readLong(), in.readUTF());
            case 13 -> new Deleted(in.readLong());
            case 14 -> new CountersRaised(in.readLong(), in.readLong(), in.readLong());
            default -> throw new IOException("unknown mailbox record type " + type);
        };
    }
}
