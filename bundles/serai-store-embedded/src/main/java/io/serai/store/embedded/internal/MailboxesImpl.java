package io.serai.store.embedded.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.Lock;

import io.serai.store.api.AlreadyExistsException;
import io.serai.store.api.Mailbox;
import io.serai.store.api.MailboxInfo;
import io.serai.store.api.Mailboxes;
import io.serai.store.api.NotFoundException;
import io.serai.store.api.StoreException;
import io.serai.store.embedded.internal.commit.Decision;
import io.serai.store.embedded.internal.journal.CatalogRecords;
import io.serai.store.embedded.internal.journal.JournalRecord;
import io.serai.store.embedded.internal.journal.MailboxRecords;
import io.serai.store.embedded.internal.state.AccountState;
import io.serai.store.embedded.internal.state.MailboxState;
import io.serai.store.support.names.Names;
import io.serai.store.embedded.internal.state.StoreState;

/** The mailbox tree of one account. */
final class MailboxesImpl implements Mailboxes {
    private final StoreImpl store;
    private final String account;

    MailboxesImpl(StoreImpl store, String account) {
        this.store = store;
        this.account = account;
    }

    @Override
    public String account() {
        return account;
    }

    @Override
    public List<MailboxInfo> list() throws StoreException {
        List<Long> ids = store.readCatalog(() -> {
            AccountState a = store.state.accounts.get(account);
            return a == null ? null : List.copyOf(a.mailboxIds.values());
        });
        if (ids == null) {
            throw new NotFoundException("no account " + account);
        }
        List<MailboxInfo> out = new ArrayList<>(ids.size());
        for (long id : ids) {
            MailboxState m = store.state.mailboxes.get(id);
            if (m != null) {
                Lock l = m.lock.readLock();
                l.lock();
                try {
                    if (!m.deleted) {
                        out.add(m.info());
                    }
                } finally {
                    l.unlock();
                }
            }
        }
        out.sort(Comparator.comparing(MailboxInfo::name));
        return out;
    }

    @Override
    public Mailbox open(String name) throws StoreException {
        String n = Names.mailbox(name);
        Long id = store.readCatalog(() -> {
            AccountState a = store.state.accounts.get(account);
            return a == null ? null : a.mailboxIds.get(n);
        });
        if (id == null) {
            throw new NotFoundException("no mailbox " + n);
        }
        return new MailboxHandle(store, id, account);
    }

    /** Creates the mailbox and any missing parents (RFC 3501 section 6.3.3). */
    @Override
    public Mailbox create(String name) throws StoreException {
        String n = Names.mailbox(name);
        long id = store.execute(s -> {
            AccountState a = s.account(account);
            if (a.mailboxIds.containsKey(n)) {
                throw new AlreadyExistsException("mailbox " + n + " exists");
            }
            List<JournalRecord> records = new ArrayList<>();
            long next = s.nextMailboxId;
            long validity = Math.max(s.lastUidValidity + 1, System.currentTimeMillis() / 1000);
            for (int slash = n.indexOf(DELIMITER); slash > 0; slash = n.indexOf(DELIMITER, slash + 1)) {
                String parent = n.substring(0, slash);
                if (!a.mailboxIds.containsKey(parent)) {
                    records.add(new MailboxRecords.Created(next++, account, parent, validity++, Optional.empty()));
                }
            }
            records.add(new MailboxRecords.Created(next, account, n, validity, Optional.empty()));
            return new Decision<>(records, next);
        });
        return new MailboxHandle(store, id, account);
    }

    @Override
    public void delete(String name) throws StoreException {
        String n = Names.mailbox(name);
        if (n.equals(INBOX)) {
            throw new StoreException("INBOX cannot be deleted");
        }
        store.execute(s -> Decision.of(null, new MailboxRecords.Deleted(s.mailbox(account, n).id)));
    }

    @Override
    public void rename(String from, String to) throws StoreException {
        String f = Names.mailbox(from);
        String t = Names.mailbox(to);
        if (f.equals(INBOX) || t.equals(INBOX) || t.startsWith(f + DELIMITER)) {
            throw new StoreException("cannot rename " + f + " to " + t);
        }
        store.execute(s -> {
            AccountState a = s.account(account);
            s.mailbox(account, f);
            if (a.mailboxIds.containsKey(t)) {
                throw new AlreadyExistsException("mailbox " + t + " exists");
            }
            List<JournalRecord> records = new ArrayList<>();
            for (Map.Entry<String, Long> e : a.mailboxIds.entrySet()) {
                String old = e.getKey();
                if (old.equals(f) || old.startsWith(f + DELIMITER)) {
                    String renamed = t + old.substring(f.length());
                    if (!old.equals(f) && a.mailboxIds.containsKey(renamed)) {
                        throw new AlreadyExistsException("mailbox " + renamed + " exists");
                    }
                    records.add(new MailboxRecords.Renamed(e.getValue(), renamed));
                }
            }
            return new Decision<>(records, null);
        });
    }

    @Override
    public void subscribe(String name) throws StoreException {
        setSubscribed(Names.mailbox(name), true);
    }

    @Override
    public void unsubscribe(String name) throws StoreException {
        setSubscribed(Names.mailbox(name), false);
    }

    @Override
    public List<String> subscriptions() throws StoreException {
        List<String> subs = store.readCatalog(() -> {
            AccountState a = store.state.accounts.get(account);
            return a == null ? null : List.copyOf(a.subscriptions);
        });
        if (subs == null) {
            throw new NotFoundException("no account " + account);
        }
        return subs;
    }

    private void setSubscribed(String name, boolean on) throws StoreException {
        store.execute((StoreState s) -> {
            s.account(account);
            return Decision.of(null, new CatalogRecords.SubscriptionSet(account, name, on));
        });
    }
}
