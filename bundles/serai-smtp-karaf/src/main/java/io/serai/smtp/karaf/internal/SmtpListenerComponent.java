package io.serai.smtp.karaf.internal;

import java.util.Hashtable;

import io.serai.sasl.TrustedNetworks;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

/**
 * One SMTP listener per factory configuration {@code io.serai.smtp.listener-NAME}: a route {@code smtp-NAME}
 * from an {@code smtpd:} endpoint to the delivery endpoint, published as a {@link RoutesBuilder} for the Serai
 * CamelContext. The listener waits for the store-backed beans its URI names, so it starts only when accounts
 * and credentials can be checked.
 */
@Component(configurationPid = "io.serai.smtp.listener", configurationPolicy = ConfigurationPolicy.REQUIRE,
        immediate = true, service = {})
@Designate(ocd = SmtpListenerConfig.class, factory = true)
public final class SmtpListenerComponent {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SmtpListenerComponent.class);

    private ServiceRegistration<RoutesBuilder> registration;

    @Reference(target = "(osgi.jndi.service.name=" + ListenerUri.CREDENTIALS_BEAN + ")")
    io.serai.sasl.CredentialStore credentials;

    @Reference(target = "(osgi.jndi.service.name=" + StoreRecipients.BEAN_NAME + ")")
    io.serai.smtp.api.RecipientValidator recipients;

    @Reference(target = "(osgi.jndi.service.name=" + StoreRelayPolicy.BEAN_NAME + ")")
    io.serai.smtp.api.RelayPolicy relayPolicy;

    @Reference(target = "(osgi.jndi.service.name=seraiTls)")
    javax.net.ssl.SSLContext tls;

    @Activate
    void activate(BundleContext bundleContext, SmtpListenerConfig config) {
        SmtpListenerWarnings.of(config.name(), config.kind(), config.host(), config.tls(), config.authWithoutTls(),
                TrustedNetworks.parse(config.trustedNetworks())).forEach(LOG::warn);
        String uri = ListenerUri.of(config);
        String routeId = "smtp-" + config.name();
        String deliverTo = config.deliverTo();
        RouteBuilder routes = new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).routeId(routeId).to(deliverTo);
            }
        };
        Hashtable<String, Object> props = new Hashtable<>();
        props.put("serai.listener", routeId);
        registration = bundleContext.registerService(RoutesBuilder.class, routes, props);
    }

    @Deactivate
    void deactivate() {
        registration.unregister();
    }
}
