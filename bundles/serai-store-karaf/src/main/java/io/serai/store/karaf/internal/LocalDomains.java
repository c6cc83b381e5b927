package io.serai.store.karaf.internal;

import java.util.List;

import io.serai.store.api.AlreadyExistsException;
import io.serai.store.api.Accounts;
import io.serai.store.api.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Adds the configured local domains that the store does not have yet. Several nodes on one shared store start
 * at the same time and each runs this: a domain that another node added between our check and our insert is
 * what we wanted, not a failure that keeps this node's store closed.
 */
final class LocalDomains {

    private static final Logger LOG = LoggerFactory.getLogger(LocalDomains.class);

    private LocalDomains() {
    }

    static void ensure(Accounts accounts, List<String> domains) throws StoreException {
        for (String domain : domains) {
            if (accounts.isLocalDomain(domain)) {
                continue;
            }
            try {
                accounts.addDomain(domain);
                LOG.info("Added local domain {}", domain);
            } catch (AlreadyExistsException e) {
                LOG.debug("Local domain {} was added by another node meanwhile", domain);
            }
        }
    }
}
