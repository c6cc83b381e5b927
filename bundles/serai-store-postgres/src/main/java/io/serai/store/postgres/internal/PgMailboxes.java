package io.serai.store.postgres.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

import io.serai.store.api.Mailbox;
import io.serai.store.api.MailboxInfo;
import io.serai.store.api.Mailboxes;
import io.serai.store.api.NotFoundException;
import io.serai.store.api.StoreException;
import io.serai.store.postgres.internal.write.MailboxCatalog;
import io.serai.store.support.names.Names;

/** The mailbox tree of one account. */
final class PgMailboxes implements Mailboxes {
    private final PgMailStore store;
    private final String account;

    PgMailboxes(PgMailStore store, String account) {
        this.store = store;
        this.account = account;
    }

    @Override
    public String account() {
        return account;
    }

    @Override
    public List<MailboxInfo> list() throws StoreException {
        return store.db.read(c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT " + MailboxRow.COLUMNS
                    + " FROM mailbox WHERE account = ? ORDER BY name COLLATE \"C\"")) {
                p.setString(1, account);
                List<MailboxInfo> out = new ArrayList<>();
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        out.add(MailboxRow.of(rs).info());
                    }
                }
                if (out.isEmpty()) {
                    store.requireAccount(c, account);
                }
                return out;
            }
        });
    }

    @Override
    public Mailbox open(String name) throws StoreException {
        String n = Names.mailbox(name);
        // INBOX can be neither renamed nor deleted, so its id lasts as long as the account: SMTP delivery opens it
        // once per message. A stale id (the account removed on another node) fails as "gone", never misdelivers:
        // ids are not reused.
        boolean inbox = n.equals(INBOX);
        Long cached = inbox ? store.cachedInbox(account) : null;
        if (cached != null) {
            return new PgMailbox(store, cached, account);
        }
        Long id = store.db.read(c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT id FROM mailbox WHERE account = ? AND name = ?")) {
                p.setString(1, account);
                p.setString(2, n);
                try (ResultSet rs = p.executeQuery()) {
                    return rs.next() ? rs.getLong(1) : null;
                }
            }
        });
        if (id == null) {
            throw new NotFoundException("no mailbox " + n);
        }
        if (inbox) {
            store.rememberInbox(account, id);
        }
        return new PgMailbox(store, id, account);
    }

    @Override
    public Mailbox create(String name) throws StoreException {
        String n = Names.mailbox(name);
        long id = store.db.transaction(c -> store.catalog.create(c, account, n));
        return new PgMailbox(store, id, account);
    }

    @Override
    public void delete(String name) throws StoreException {
        String n = Names.mailbox(name);
        if (n.equals(INBOX)) {
            throw new StoreException("INBOX cannot be deleted");
        }
        store.db.transaction(c -> {
            store.catalog.delete(c, account, n);
            return null;
        });
    }

    @Override
    public void rename(String from, String to) throws StoreException {
        String f = Names.mailbox(from);
        String t = Names.mailbox(to);
        if (f.equals(INBOX) || t.equals(INBOX) || t.startsWith(f + DELIMITER)) {
            throw new StoreException("cannot rename " + f + " to " + t);
        }
        store.db.transaction(c -> {
            store.catalog.rename(c, account, f, t);
            return null;
        });
    }

    @Override
    public void subscribe(String name) throws StoreException {
        String n = Names.mailbox(name);
        store.db.transaction(c -> {
            store.requireAccount(c, account);
            try (PreparedStatement p = c.prepareStatement(
                    "INSERT INTO subscription (account, name) VALUES (?, ?) ON CONFLICT DO NOTHING")) {
                p.setString(1, account);
                p.setString(2, n);
                p.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public void unsubscribe(String name) throws StoreException {
        String n = Names.mailbox(name);
        store.db.transaction(c -> {
            store.requireAccount(c, account);
            try (PreparedStatement p = c.prepareStatement("DELETE FROM subscription WHERE account = ? AND name = ?")) {
                p.setString(1, account);
                p.setString(2, n);
                p.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public List<String> subscriptions() throws StoreException {
        return store.db.read(c -> {
            store.requireAccount(c, account);
            try (PreparedStatement p = c.prepareStatement(
                    "SELECT name FROM subscription WHERE account = ? ORDER BY name COLLATE \"C\"")) {
                p.setString(1, account);
                List<String> out = new ArrayList<>();
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getString(1));
                    }
                }
                return out;
            }
        });
    }
}
