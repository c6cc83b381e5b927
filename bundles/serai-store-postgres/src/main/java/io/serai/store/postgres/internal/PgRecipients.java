package io.serai.store.postgres.internal;

import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

import io.serai.store.api.Recipient;
import io.serai.store.api.RecipientResolver;
import io.serai.store.api.StoreException;
import io.serai.store.support.names.AddressResolver;

/**
 * Envelope address to account with the shared resolution rules; each step is one indexed look-up. A database that
 * cannot be reached throws unchecked, so SMTP answers 4xx rather than "unknown user".
 */
final class PgRecipients implements RecipientResolver, AddressResolver.Directory {
    private final PgMailStore store;
    final PositiveCache known = new PositiveCache();

    PgRecipients(PgMailStore store) {
        this.store = store;
    }

    @Override
    public Optional<Recipient> resolve(String address) {
        return AddressResolver.resolve(address, this);
    }

    @Override
    public boolean isLocalDomain(String domain) {
        return cached("domain:" + domain, "SELECT name FROM domain WHERE name = ?", domain);
    }

    @Override
    public boolean isAccount(String address) {
        return cached("account:" + address, "SELECT address FROM account WHERE address = ?", address);
    }

    private boolean cached(String key, String sql, String value) {
        if (known.has(key)) {
            return true;
        }
        boolean found = !query(sql, value).isEmpty();
        if (found) {
            known.remember(key);
        }
        return found;
    }

    @Override
    public Optional<String> aliasTarget(String address) {
        return query("SELECT target FROM alias WHERE address = ?", address).stream().findFirst();
    }

    @Override
    public Optional<String> catchAll(String domain) {
        return query("SELECT catch_all FROM domain WHERE name = ? AND catch_all IS NOT NULL", domain).stream()
                .findFirst();
    }

    private List<String> query(String sql, String value) {
        try {
            return store.db.read(c -> PgAccounts.strings(c, sql, value));
        } catch (StoreException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
    }
}
