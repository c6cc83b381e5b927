package io.serai.store.embedded.internal;

import java.util.Optional;
import java.util.concurrent.locks.Lock;

import io.serai.store.api.Recipient;
import io.serai.store.api.RecipientResolver;
import io.serai.store.embedded.internal.state.StoreState;
import io.serai.store.support.names.AddressResolver;

/** Resolves against the in-memory catalog (see {@link AddressResolver} for the order of the rules). */
final class RecipientResolverImpl implements RecipientResolver, AddressResolver.Directory {
    private final StoreState state;

    RecipientResolverImpl(StoreState state) {
        this.state = state;
    }

    /**
     * Under the catalog read lock when it is free. While a catalog change is being made durable (the committer holds
     * the write lock across its fsync) it reads the concurrent maps as they are instead of waiting, so that an SMTP
     * network thread never blocks here: it may then see an account a moment before it is durable, which is safe for
     * an RCPT answer, because the delivery that may follow is committed after that change (one writer, in order), and
     * fails with it if it fails.
     */
    @Override
    public Optional<Recipient> resolve(String address) {
        Lock lock = state.catalogLock.readLock();
        if (!lock.tryLock()) {
            return AddressResolver.resolve(address, this);
        }
        try {
            return AddressResolver.resolve(address, this);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public boolean answersFromMemory() {
        return true;
    }

    @Override
    public boolean isLocalDomain(String domain) {
        return state.domains.contains(domain);
    }

    @Override
    public boolean isAccount(String address) {
        return state.accounts.containsKey(address);
    }

    @Override
    public Optional<String> aliasTarget(String address) {
        return Optional.ofNullable(state.aliases.get(address));
    }

    @Override
    public Optional<String> catchAll(String domain) {
        return Optional.ofNullable(state.catchAll.get(domain));
    }
}
