package io.serai.pop3.karaf.internal;

import io.serai.pop3.api.MaildropLocks;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

import io.serai.store.api.MailStore;

/**
 * One set of maildrop locks for every POP3 listener of this instance, so a user connected on the STLS port and
 * on the implicit-TLS port at once still gets {@code -ERR [IN-USE]} (RFC 2449 section 8.1.2). When the store is
 * shared by several nodes (it offers coordination), the locks are leases in the store, so the same holds across
 * nodes.
 */
@Component(immediate = true, service = {})
public final class SharedMaildropLocks {

    private ServiceRegistration<MaildropLocks> registration;

    @Reference
    private MailStore store;

    @Activate
    void activate(BundleContext bundleContext) {
        java.util.Hashtable<String, Object> props = new java.util.Hashtable<>();
        // also the Camel bean a route's pop3d: endpoint names: locks=#seraiPop3Locks
        props.put("osgi.jndi.service.name", "seraiPop3Locks");
        registration = bundleContext.registerService(MaildropLocks.class, store.coordination()
                .map(c -> MaildropLocks.acrossNodes(c.leases())).orElseGet(MaildropLocks::new), props);
    }

    @Deactivate
    void deactivate() {
        registration.unregister();
    }
}
