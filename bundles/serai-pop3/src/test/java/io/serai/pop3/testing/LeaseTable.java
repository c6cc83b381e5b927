package io.serai.pop3.testing;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.serai.store.api.StoreException;
import io.serai.store.api.StoreUnavailableException;
import io.serai.store.api.cluster.Lease;
import io.serai.store.api.cluster.Leases;

/**
 * A lease table in memory standing for the store the nodes share: one holder per name. A name removed from
 * {@link #held} is a lease that expired without renewal (its holder's {@code isValid()} turns false); {@link #down}
 * makes it fail like an unreachable database.
 */
public final class LeaseTable implements Leases {
    public final Set<String> held = ConcurrentHashMap.newKeySet();
    public volatile boolean down;

    @Override
    public Optional<Lease> tryAcquire(String name) throws StoreException {
        if (down) {
            throw new StoreUnavailableException("database down", null);
        }
        if (!held.add(name)) {
            return Optional.empty();
        }
        return Optional.of(new Lease() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public boolean isValid() {
                return held.contains(name);
            }

            @Override
            public void close() {
                held.remove(name);
            }
        });
    }

    @Override
    public boolean isHeld(String name) {
        return held.contains(name);
    }
}
