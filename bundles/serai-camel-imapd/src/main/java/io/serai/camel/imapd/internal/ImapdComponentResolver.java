package io.serai.camel.imapd.internal;

import io.serai.camel.imapd.ImapdComponent;
import org.apache.camel.CamelContext;
import org.apache.camel.Component;
import org.apache.camel.spi.ComponentResolver;

/** Offers {@code imapd:} to the Serai CamelContext (docs/CAMEL-IN-KARAF.md); a new component per context. */
@org.osgi.service.component.annotations.Component(service = ComponentResolver.class, property = "component=imapd")
public final class ImapdComponentResolver implements ComponentResolver {

    @Override
    public Component resolveComponent(String name, CamelContext context) {
        return "imapd".equals(name) ? new ImapdComponent() : null;
    }
}
