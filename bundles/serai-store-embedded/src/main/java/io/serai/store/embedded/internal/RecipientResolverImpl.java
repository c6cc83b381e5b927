package io.serai.store.embedded.internal;

import java.util.Optional;

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

    /** Without waiting for a catalog change in flight ({@link StoreState#readCatalogNow}): SMTP asks at RCPT. */
    @Override
    public Optional<Recipient> resolve(String address) {
        return state.readCatalogNow(() -> AddressResolver.resolve(address, this));
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
