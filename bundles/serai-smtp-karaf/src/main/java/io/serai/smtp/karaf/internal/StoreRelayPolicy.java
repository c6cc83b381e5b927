package io.serai.smtp.karaf.internal;

import io.serai.smtp.api.RelayPolicy;
import io.serai.store.api.MailStore;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * Publishes the relay policy whose local domains are the store's (bean {@code seraiRelayPolicy}), asked at
 * RCPT time so that {@code serai:domain-add} takes effect at once. Relaying to other domains is off: there is
 * no outbound relay route yet, so accepting such a recipient could only end in a bounce.
 */
@Component(immediate = true, service = {})
public final class StoreRelayPolicy {

    static final String BEAN_NAME = "seraiRelayPolicy";

    private final ServiceRegistration<RelayPolicy> registration;

    @Activate
    public StoreRelayPolicy(BundleContext bundleContext, @Reference MailStore store) {
        RelayPolicy policy = RelayPolicy.of(domain -> store.accounts().isLocalDomain(domain), false);
        java.util.Hashtable<String, Object> props = new java.util.Hashtable<>();
        props.put("osgi.jndi.service.name", BEAN_NAME);
        registration = bundleContext.registerService(RelayPolicy.class, policy, props);
    }

    @Deactivate
    void deactivate() {
        registration.unregister();
    }
}
