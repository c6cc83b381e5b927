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

    @Override
    public Optional<Recipient> resolve(String address) {
        // under the catalog read lock, so an account whose creation is not durable yet is not delivered to
        Lock lock = state.catalogLock.readLock();
        lock.lock();
        try {
            return AddressResolver.resolve(address, this);
        } finally {
            lock.unlock();
        }
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
