package io.serai.store.embedded.internal.journal;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import io.serai.store.api.QuotaLimits;
import io.serai.store.api.ScramCredential;
import io.serai.store.api.event.StoreEvent;
import io.serai.store.embedded.internal.state.AccountState;
import io.serai.store.embedded.internal.state.MailboxState;
import io.serai.store.embedded.internal.state.StoreState;

/** Records about domains, accounts, credentials, aliases, catch-alls, quotas and subscriptions. */
public final class CatalogRecords {
    private CatalogRecords() {
    }

    public record DomainAdded(String domain) implements JournalRecord {
        public int type() {
            return 1;
        }

        public void write(DataOutputStream out) throws IOException {
            out.writeUTF(domain);
        }

        public void apply(StoreState s, List<StoreEvent> events) {
            s.domains.add(domain);
        }
    }

    public record DomainRemoved(String domain) implements JournalRecord {
        public int type() {
            return 2;
        }

        public void write(DataOutputStream out) throws IOException {
            out.writeUTF(domain);
        }

        public void apply(StoreState s, List<StoreEvent> events) {
            s.domains.remove(domain);
            s.catchAll.remove(domain);
        }
    }

    public record AccountCreated(String address, ScramCredential credential) implements JournalRecord {
        public int type() {
            return 3;
        }

        public void write(DataOutputStream out) throws IOException {
            out.writeUTF(address);
            writeCredential(out, credential);
        }

        public void apply(StoreState s, List<StoreEvent> events) {
            s.accounts.put(address, new AccountState(address, credential));
        }
    }

    public record AccountDeleted(String address) implements JournalRecord {
        public int type() {
            return 4;
        }

        public void write(DataOutputStream out) throws IOException {
            out.writeUTF(address);
        }

        public void apply(StoreState s, List<StoreEvent> events) {
            AccountState a = s.accounts.remove(address);
            if (a == null) {
                return;
            }
            for (Long id : new ArrayList<>(a.mailboxIds.values())) {
                MailboxState m = s.mailboxes.remove(id);
                if (m != null) {
                    m.deleted = true;
                    events.add(new StoreEvent.MailboxDeleted(address, id, m.name));
                }
            }
            s.aliases.values().removeIf(address::equals);
            s.catchAll.values().removeIf(address::equals);
        }
    }

    public record CredentialSet(String address, ScramCredential credential) implements JournalRecord {
        public int type() {
            return 5;
        }

        public void write(DataOutputStream out) throws IOException {
            out.writeUTF(address);
            writeCredential(out, credential);
        }

        public void apply(StoreState s, List<StoreEvent> events) {
            AccountState a = s.accounts.get(address);
            if (a != null) {
                a.credential = credential;
            }
        }
    }

    public record AliasSet(String alias, String target) implements JournalRecord {
        public int type() {
            return 6;
        }

        public void write(DataOutputStream out) throws IOException {
            out.writeUTF(alias);
            out.writeUTF(target);
        }

        public void apply(StoreState s, List<StoreEvent> events) {
            s.aliases.put(alias, target);
        }
    }

    public record AliasRemoved(String alias) implements JournalRecord {
        public int type() {
            return 7;
        }

        public void write(DataOutputStream out) throws IOException {
            out.writeUTF(alias);
        }

        public void apply(StoreState s, List<StoreEvent> events) {
            s.aliases.remove(alias);
        }
    }

    /** An empty target clears the catch-all. */
    public record CatchAllSet(String domain, String target) implements JournalRecord {
        public int type() {
            return 8;
        }

        public void write(DataOutputStream out) throws IOException {
            out.writeUTF(domain);
            out.writeUTF(target);
        }

        public void apply(StoreState s, List<StoreEvent> events) {
            if (target.isEmpty()) {
                s.catchAll.remove(domain);
            } else {
                s.catchAll.put(domain, target);
            }
        }
    }

    public record QuotaSet(String address, QuotaLimits limits) implements JournalRecord {
        public int type() {
            return 9;
        }

        public void write(DataOutputStream out) throws IOException {
            out.writeUTF(address);
            out.writeLong(limits.maxOctets());
            out.writeLong(limits.maxMessages());
        }

        public void apply(StoreState s, List<StoreEvent> events) {
            AccountState a = s.accounts.get(address);
            if (a != null) {
                a.limits = limits;
            }
        }
    }

    public record SubscriptionSet(String address, String mailbox, boolean subscribed) implements JournalRecord {
        public int type() {
            return 10;
        }

        public void write(DataOutputStream out) throws IOException {
            out.writeUTF(address);
            out.writeUTF(mailbox);
            out.writeBoolean(subscribed);
        }

        public void apply(StoreState s, List<StoreEvent> events) {
            AccountState a = s.accounts.get(address);
            if (a != null) {
                if (subscribed) {
                    a.subscriptions.add(mailbox);
                } else {
                    a.subscriptions.remove(mailbox);
                }
            }
        }
    }

    static JournalRecord read(int type, DataInputStream in) throws IOException {
        return switch (type) {
            case 1 -> new DomainAdded(in.readUTF());
            case 2 -> new DomainRemoved(in.readUTF());
            case 3 -> new AccountCreated(in.readUTF(), readCredential(in));
            case 4 -> new AccountDeleted(in.readUTF());
            case 5 -> new CredentialSet(in.readUTF(), readCredential(in));
            case 6 -> new AliasSet(in.readUTF(), in.readUTF());
            case 7 -> new AliasRemoved(in.readUTF());
            case 8 -> new CatchAllSet(in.readUTF(), in.readUTF());
            case 9 -> new QuotaSet(in.readUTF(), new QuotaLimits(in.readLong(), in.readLong()));
            case 10 -> new SubscriptionSet(in.readUTF(), in.readUTF(), in.readBoolean());
            default -> throw new IOException("unknown catalog record type " + type);
        };
    }

    private static void writeCredential(DataOutputStream out, ScramCredential c) throws IOException {
        DataIo.writeBytes(out, c.salt());
        out.writeInt(c.iterations());
        DataIo.writeBytes(out, c.storedKey());
        DataIo.writeBytes(out, c.serverKey());
    }

    private static ScramCredential readCredential(DataInputStream in) throws IOException {
        byte[] salt = DataIo.readBytes(in);
        int iterations = in.readInt();
        return new ScramCredential(salt, iterations, DataIo.readBytes(in), DataIo.readBytes(in));
    }
}
