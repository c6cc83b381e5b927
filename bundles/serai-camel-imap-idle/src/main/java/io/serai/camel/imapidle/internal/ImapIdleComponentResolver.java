package io.serai.camel.imapidle.internal;

import io.serai.camel.imapidle.ImapIdleComponent;
import org.apache.camel.CamelContext;
import org.apache.camel.Component;
import org.apache.camel.spi.ComponentResolver;

/** Offers {@code imap-idle:} to the Serai CamelContext (docs/CAMEL-IN-KARAF.md); a new component per context. */
@org.osgi.service.component.annotations.Component(service = ComponentResolver.class, property = "component=imap-idle")
public final class ImapIdleComponentResolver implements ComponentResolver {

    @Override
    public Component resolveComponent(String name, CamelContext context) {
        return "imap-idle".equals(name) ? new ImapIdleComponent() : null;
    }
}
