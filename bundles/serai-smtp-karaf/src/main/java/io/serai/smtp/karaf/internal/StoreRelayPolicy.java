package io.serai.smtp.karaf.internal;

import io.serai.smtp.api.RelayPolicy;
import io.serai.store.api.MailStore;
import org.apache.camel.RoutesBuilder;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * Publishes the relay policy whose local domains are the store's (bean {@code seraiRelayPolicy}), asked at
 * RCPT time so that {@code serai:domain-add} takes effect at once. Authenticated submission may send to other
 * domains only while the outbound relay route ({@code serai.route=relay}, routes/serai-routes-relay) is
 * published: without it such a recipient could only end in a bounce. The reference is static and greedy, so the
 * policy (and the listeners that use it) is renewed when the relay is switched on or off.
 */
@Component(immediate = true, service = {})
public final class StoreRelayPolicy {

    static final String BEAN_NAME = "seraiRelayPolicy";

    private final ServiceRegistration<RelayPolicy> registration;

    @Activate
    public StoreRelayPolicy(BundleContext bundleContext, @Reference MailStore store,
                            @Reference(target = "(serai.route=relay)", cardinality = ReferenceCardinality.OPTIONAL,
                                    policyOption = ReferencePolicyOption.GREEDY) RoutesBuilder outboundRelay) {
        RelayPolicy policy = policy(store, outboundRelay != null);
        java.util.Hashtable<String, Object> props = new java.util.Hashtable<>();
        props.put("osgi.jndi.service.name", BEAN_NAME);
        registration = bundleContext.registerService(RelayPolicy.class, policy, props);
    }

    /** Non-blocking when the store answers from memory (the embedded one), so RCPT needs no hand-off. */
    static RelayPolicy policy(MailStore store, boolean relayForAuthenticated) {
        return store.recipients().answersFromMemory()
                ? RelayPolicy.ofNonBlocking(domain -> store.accounts().isLocalDomain(domain), relayForAuthenticated)
                : RelayPolicy.of(domain -> store.accounts().isLocalDomain(domain), relayForAuthenticated);
    }

    @Deactivate
    void deactivate() {
        registration.unregister();
    }
}
