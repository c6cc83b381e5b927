package io.serai.store.embedded.internal.state;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

import io.serai.store.api.NotFoundException;

/**
 * Everything the store knows, rebuilt from the journal on open. The thread committing a round is its only writer;
 * the catalog lock covers domains, accounts, aliases and mailbox names like the mailbox locks cover messages.
 * Readers never hold two of these locks at once, which rules out deadlocks with the committer.
 */
public final class StoreState {
    public final Set<String> domains = new ConcurrentSkipListSet<>();
    public final Map<String, AccountState> accounts = new ConcurrentHashMap<>();
    public final Map<String, String> aliases = new ConcurrentHashMap<>();
    public final Map<String, String> catchAll = new ConcurrentHashMap<>();
    public final Map<Long, MailboxState> mailboxes = new ConcurrentHashMap<>();
    public final ReentrantReadWriteLock catalogLock = new ReentrantReadWriteLock();
    public long nextMailboxId = 1;
    public long lastUidValidity;

    /**
     * Reads catalog data under the catalog read lock if it is free; otherwise, rather than wait while the writer
     * makes a catalog change durable (it holds the write lock across the fsync), reads the concurrent collections
     * as they are, which may show that change a moment early. For answers given on a network thread (RCPT), where
     * any use of the answer is a later commit, ordered after that change and failing with it.
     */
    public <T> T readCatalogNow(Supplier<T> read) {
        Lock l = catalogLock.readLock();
        if (!l.tryLock()) {
            return read.get();
        }
        try {
            return read.get();
        } finally {
            l.unlock();
        }
    }

    /** A detached copy for a snapshot; only arrays are copied, which takes milliseconds per million messages. */
    public StoreState copy() {
        StoreState c = new StoreState();
        c.domains.addAll(domains);
        c.aliases.putAll(aliases);
        c.catchAll.putAll(catchAll);
        c.nextMailboxId = nextMailboxId;
        c.lastUidValidity = lastUidValidity;
        accounts.forEach((k, a) -> c.accounts.put(k, a.copy()));
        mailboxes.forEach((k, m) -> c.mailboxes.put(k, m.copy()));
        return c;
    }

    public AccountState account(String address) throws NotFoundException {
        AccountState a = accounts.get(address);
        if (a == null) {
            throw new NotFoundException("no account " + address);
        }
        return a;
    }

    public MailboxState mailbox(long id) throws NotFoundException {
        MailboxState m = mailboxes.get(id);
        if (m == null || m.deleted) {
            throw new NotFoundException("mailbox " + id + " does not exist");
        }
        return m;
    }

    /** Mailbox id by name for the account, or throws. Caller is the committer or holds the catalog lock. */
    public MailboxState mailbox(String account, String name) throws NotFoundException {
        Long id = account(account).mailboxIds.get(name);
        if (id == null) {
            throw new NotFoundException("no mailbox " + name);
        }
        return mailbox(id);
    }
}
