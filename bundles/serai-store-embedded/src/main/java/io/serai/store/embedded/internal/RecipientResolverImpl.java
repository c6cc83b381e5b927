package io.serai.store.embedded.internal;

import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.locks.Lock;

import io.serai.store.api.Recipient;
import io.serai.store.api.RecipientResolver;
import io.serai.store.embedded.internal.state.StoreState;

/**
 * Address to account: exact account, then alias, then {@code local+detail} (RFC 5233) on the base
 * address, then the domain's catch-all. The detail keeps its original case.
 */
final class RecipientResolverImpl implements RecipientResolver {
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
            return resolveLocked(address);
        } finally {
            lock.unlock();
        }
    }

    private Optional<Recipient> resolveLocked(String address) {
        String original = address.trim();
        if (original.startsWith("<") && original.endsWith(">")) {
            original = original.substring(1, original.length() - 1);
        }
        int at = original.lastIndexOf('@');
        if (at <= 0 || at == original.length() - 1) {
            return Optional.empty();
        }
        String local = original.substring(0, at);
        String domain = original.substring(at + 1).toLowerCase(Locale.ROOT);
        if (!state.domains.contains(domain)) {
            return Optional.empty();
        }
        Optional<String> exact = account(local.toLowerCase(Locale.ROOT) + "@" + domain);
        if (exact.isPresent()) {
            return exact.map(a -> new Recipient(a, Optional.empty()));
        }
        int plus = local.indexOf('+');
        if (plus > 0) {
            Optional<String> base = account(local.substring(0, plus).toLowerCase(Locale.ROOT) + "@" + domain);
            if (base.isPresent()) {
                return Optional.of(new Recipient(base.get(), Optional.of(local.substring(plus + 1))));
            }
        }
        String catchAll = state.catchAll.get(domain);
        if (catchAll != null && state.accounts.containsKey(catchAll)) {
            return Optional.of(new Recipient(catchAll, Optional.empty()));
        }
        return Optional.empty();
    }

    private Optional<String> account(String address) {
        if (state.accounts.containsKey(address)) {
            return Optional.of(address);
        }
        String target = state.aliases.get(address);
        return target != null && state.accounts.containsKey(target) ? Optional.of(target) : Optional.empty();
    }
}
