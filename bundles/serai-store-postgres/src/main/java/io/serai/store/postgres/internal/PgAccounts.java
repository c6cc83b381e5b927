package io.serai.store.postgres.internal;

import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import io.serai.store.api.Accounts;
import io.serai.store.api.AlreadyExistsException;
import io.serai.store.api.Mailboxes;
import io.serai.store.api.NotFoundException;
import io.serai.store.api.QuotaLimits;
import io.serai.store.api.QuotaUsage;
import io.serai.store.api.ScramCredential;
import io.serai.store.api.SpecialUse;
import io.serai.store.api.StoreException;
import io.serai.store.postgres.internal.write.MailboxCatalog;
import io.serai.store.support.auth.ScramHasher;
import io.serai.store.support.names.Names;

/** Domains, accounts, credentials, aliases, catch-alls and quotas in SQL. PBKDF2 runs on the caller's thread. */
final class PgAccounts implements Accounts {
    private final PgMailStore store;
    private final ScramCredential decoy;

    PgAccounts(PgMailStore store) {
        this.store = store;
        this.decoy = store.hasher.newCredential("decoy".toCharArray());
    }

    @Override
    public void addDomain(String domain) throws StoreException {
        String d = Names.domain(domain);
        store.db.transaction(c -> {
            if (update(c, "INSERT INTO domain (name) VALUES (?) ON CONFLICT DO NOTHING", d) == 0) {
                throw new AlreadyExistsException("domain " + d + " exists");
            }
            return null;
        });
    }

    @Override
    public void removeDomain(String domain) throws StoreException {
        String d = Names.domain(domain);
        store.db.transaction(c -> {
            requireDomain(c, d);
            if (exists(c, "SELECT 1 FROM account WHERE domain = ? LIMIT 1", d)) {
                throw new StoreException("domain " + d + " still has accounts");
            }
            update(c, "DELETE FROM alias WHERE domain = ?", d);
            update(c, "DELETE FROM domain WHERE name = ?", d);
            return null;
        });
        store.forget("domain:" + d);
    }

    @Override
    public List<String> domains() {
        return unchecked(() -> store.db.read(c -> strings(c, "SELECT name FROM domain ORDER BY name COLLATE \"C\"")));
    }

    @Override
    public boolean isLocalDomain(String domain) {
        return ((PgRecipients) store.recipients()).isLocalDomain(domain.trim().toLowerCase(Locale.ROOT));
    }

    @Override
    public void createAccount(String address, char[] password) throws StoreException {
        String a = Names.address(address);
        ScramCredential credential = store.hasher.newCredential(password);
        store.db.transaction(c -> {
            insertAccount(c, a, credential);
            int count = 1 + SpecialUse.values().length;
            long validity = MailboxCatalog.allocateUidValidity(c, count);
            store.catalog.insert(c, a, Mailboxes.INBOX, validity, Optional.empty());
            subscribe(c, a, Mailboxes.INBOX);
            for (SpecialUse use : SpecialUse.values()) {
                store.catalog.insert(c, a, use.defaultName(), validity + 1 + use.ordinal(), Optional.of(use));
                subscribe(c, a, use.defaultName());
            }
            return null;
        });
    }

    /** Inserts the account row only (restore uses it too). */
    void insertAccount(Connection c, String a, ScramCredential credential) throws SQLException, StoreException {
        requireDomain(c, Names.domainOf(a));
        if (exists(c, "SELECT 1 FROM alias WHERE address = ?", a)) {
            throw new AlreadyExistsException(a + " exists");
        }
        try (PreparedStatement p = c.prepareStatement("INSERT INTO account (address, domain, salt, iterations, "
                + "stored_key, server_key) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
            p.setString(1, a);
            p.setString(2, Names.domainOf(a));
            p.setBytes(3, credential.salt());
            p.setInt(4, credential.iterations());
            p.setBytes(5, credential.storedKey());
            p.setBytes(6, credential.serverKey());
            if (p.executeUpdate() == 0) {
                throw new AlreadyExistsException(a + " exists");
            }
        }
    }

    private static void subscribe(Connection c, String account, String name) throws SQLException {
        update(c, "INSERT INTO subscription (account, name) VALUES (?, ?) ON CONFLICT DO NOTHING", account, name);
    }

    @Override
    public void deleteAccount(String address) throws StoreException {
        String a = Names.address(address);
        store.db.transaction(c -> {
            store.requireAccount(c, a);
            List<Long> ids = new ArrayList<>(MailboxCatalog.names(c, a).values());
            Collections.sort(ids);
            for (long id : ids) {
                store.catalog.drop(c, MailboxRow.lock(c, id));
            }
            update(c, "DELETE FROM account WHERE address = ?", a);
            update(c, "UPDATE domain SET catch_all = NULL WHERE catch_all = ?", a);
            return null;
        });
        store.forget("account:" + a);
        store.forget("inbox:" + a);
    }

    @Override
    public void setPassword(String address, char[] password) throws StoreException {
        String a = Names.address(address);
        ScramCredential cr = store.hasher.newCredential(password);
        store.db.transaction(c -> {
            try (PreparedStatement p = c.prepareStatement("UPDATE account SET salt = ?, iterations = ?, "
                    + "stored_key = ?, server_key = ? WHERE address = ?")) {
                p.setBytes(1, cr.salt());
                p.setInt(2, cr.iterations());
                p.setBytes(3, cr.storedKey());
                p.setBytes(4, cr.serverKey());
                p.setString(5, a);
                if (p.executeUpdate() == 0) {
                    throw new NotFoundException("no account " + a);
                }
            }
            return null;
        });
    }

    @Override
    public List<String> accounts(String domain) {
        String d = domain.trim().toLowerCase(Locale.ROOT);
        return unchecked(() -> store.db.read(c -> strings(c,
                "SELECT address FROM account WHERE domain = ? ORDER BY address COLLATE \"C\"", d)));
    }

    @Override
    public Optional<ScramCredential> scramCredential(String address) {
        String a;
        try {
            a = Names.address(address);
        } catch (StoreException e) {
            return Optional.empty();
        }
        return unchecked(() -> store.db.read(c -> {
            try (PreparedStatement p = c.prepareStatement(
                    "SELECT salt, iterations, stored_key, server_key FROM account WHERE address = ?")) {
                p.setString(1, a);
                try (ResultSet rs = p.executeQuery()) {
                    return rs.next() ? Optional.of(new ScramCredential(rs.getBytes(1), rs.getInt(2), rs.getBytes(3),
                            rs.getBytes(4))) : Optional.<ScramCredential>empty();
                }
            }
        }));
    }

    @Override
    public boolean verifyPassword(String address, char[] password) {
        Optional<ScramCredential> credential = scramCredential(address);
        if (credential.isEmpty()) {
            // same PBKDF2 cost as a real account, so response time does not reveal which accounts exist
            ScramHasher.matches(password, decoy);
            return false;
        }
        try {
            return store.verifier.verify(Names.address(address), password, credential.get());
        } catch (StoreException e) {
            return false;
        }
    }

    @Override
    public void addAlias(String alias, String target) throws StoreException {
        String al = Names.address(alias);
        String t = Names.address(target);
        store.db.transaction(c -> {
            requireDomain(c, Names.domainOf(al));
            store.requireAccount(c, t);
            if (exists(c, "SELECT 1 FROM account WHERE address = ?", al)
                    || update(c, "INSERT INTO alias (address, domain, target) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                    al, Names.domainOf(al), t) == 0) {
                throw new AlreadyExistsException(al + " exists");
            }
            return null;
        });
    }

    @Override
    public void removeAlias(String alias) throws StoreException {
        String al = Names.address(alias);
        store.db.transaction(c -> {
            if (update(c, "DELETE FROM alias WHERE address = ?", al) == 0) {
                throw new NotFoundException("no alias " + al);
            }
            return null;
        });
    }

    @Override
    public Map<String, String> aliases(String domain) {
        String d = domain.trim().toLowerCase(Locale.ROOT);
        return unchecked(() -> store.db.read(c -> {
            Map<String, String> out = new TreeMap<>();
            try (PreparedStatement p = c.prepareStatement("SELECT address, target FROM alias WHERE domain = ?")) {
                p.setString(1, d);
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        out.put(rs.getString(1), rs.getString(2));
                    }
                }
            }
            return Collections.unmodifiableMap(out);
        }));
    }

    @Override
    public void setCatchAll(String domain, Optional<String> target) throws StoreException {
        String d = Names.domain(domain);
        String t = target.isPresent() ? Names.address(target.get()) : null;
        store.db.transaction(c -> {
            requireDomain(c, d);
            if (t != null) {
                store.requireAccount(c, t);
            }
            update(c, "UPDATE domain SET catch_all = ? WHERE name = ?", t, d);
            return null;
        });
    }

    @Override
    public Optional<String> catchAll(String domain) {
        String d = domain.trim().toLowerCase(Locale.ROOT);
        return unchecked(() -> store.db.read(c -> {
            List<String> v = strings(c, "SELECT catch_all FROM domain WHERE name = ? AND catch_all IS NOT NULL", d);
            return v.isEmpty() ? Optional.<String>empty() : Optional.of(v.get(0));
        }));
    }

    @Override
    public void setQuota(String address, QuotaLimits limits) throws StoreException {
        String a = Names.address(address);
        store.db.transaction(c -> {
            try (PreparedStatement p = c.prepareStatement(
                    "UPDATE account SET max_octets = ?, max_messages = ? WHERE address = ?")) {
                p.setLong(1, limits.maxOctets());
                p.setLong(2, limits.maxMessages());
                p.setString(3, a);
                if (p.executeUpdate() == 0) {
                    throw new NotFoundException("no account " + a);
                }
            }
            return null;
        });
    }

    @Override
    public QuotaUsage quota(String address) throws StoreException {
        String a = Names.address(address);
        return store.db.read(c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT used_octets, used_messages, max_octets, "
                    + "max_messages FROM account WHERE address = ?")) {
                p.setString(1, a);
                try (ResultSet rs = p.executeQuery()) {
                    if (!rs.next()) {
                        throw new NotFoundException("no account " + a);
                    }
                    long maxOctets = rs.getLong(3);
                    QuotaLimits limits = rs.wasNull() ? store.config.defaultQuota()
                            : new QuotaLimits(maxOctets, rs.getLong(4));
                    return new QuotaUsage(rs.getLong(1), rs.getLong(2), limits);
                }
            }
        });
    }

    // --- helpers

    static void requireDomain(Connection c, String domain) throws SQLException, StoreException {
        if (!exists(c, "SELECT 1 FROM domain WHERE name = ?", domain)) {
            throw new NotFoundException("domain " + domain + " is not local");
        }
    }

    static boolean exists(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement p = prepare(c, sql, params); ResultSet rs = p.executeQuery()) {
            return rs.next();
        }
    }

    static int update(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement p = prepare(c, sql, params)) {
            return p.executeUpdate();
        }
    }

    static List<String> strings(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement p = prepare(c, sql, params); ResultSet rs = p.executeQuery()) {
            List<String> out = new ArrayList<>();
            while (rs.next()) {
                out.add(rs.getString(1));
            }
            return out;
        }
    }

    private static PreparedStatement prepare(Connection c, String sql, Object... params) throws SQLException {
        PreparedStatement p = c.prepareStatement(sql);
        for (int i = 0; i < params.length; i++) {
            if (params[i] == null) {
                p.setNull(i + 1, Types.VARCHAR);
            } else {
                p.setObject(i + 1, params[i]);
            }
        }
        return p;
    }

    private interface Query<T> {
        T get() throws StoreException;
    }

    /**
     * For the look-ups the API declares without a checked exception (SMTP RCPT asks them): a database that cannot be
     * reached must not read as "no such domain" (that would be a permanent 550), so the failure is thrown unchecked
     * and callers answer "try again later", as they do for any runtime failure of a look-up.
     */
    private static <T> T unchecked(Query<T> q) {
        try {
            return q.get();
        } catch (StoreException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
    }
}
