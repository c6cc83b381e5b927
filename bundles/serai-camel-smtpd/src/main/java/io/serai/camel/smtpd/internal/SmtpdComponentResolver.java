package io.serai.camel.smtpd.internal;

import io.serai.camel.smtpd.SmtpdComponent;
import org.apache.camel.CamelContext;
import org.apache.camel.Component;
import org.apache.camel.spi.ComponentResolver;

/**
 * Offers {@code smtpd:} to the Serai CamelContext, which resolves schemes outside the Camel runtime bundle through
 * {@link ComponentResolver} services with {@code component=<scheme>} (docs/CAMEL-IN-KARAF.md). Each call makes a
 * new component: it belongs to the context that asked.
 */
@org.osgi.service.component.annotations.Component(service = ComponentResolver.class,
        property = SmtpdComponentResolver.COMPONENT_PROPERTY + "=" + SmtpdComponentResolver.SCHEME)
public final class SmtpdComponentResolver implements ComponentResolver {

    static final String COMPONENT_PROPERTY = "component";
    static final String SCHEME = "smtpd";

    @Override
    public Component resolveComponent(String name, CamelContext context) {
        return SCHEME.equals(name) ? new SmtpdComponent() : null;
    }
}
