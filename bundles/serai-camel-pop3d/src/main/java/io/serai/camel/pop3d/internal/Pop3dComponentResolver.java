package io.serai.camel.pop3d.internal;

import io.serai.camel.pop3d.Pop3dComponent;
import org.apache.camel.CamelContext;
import org.apache.camel.Component;
import org.apache.camel.spi.ComponentResolver;

/** Offers {@code pop3d:} to the Serai CamelContext (docs/CAMEL-IN-KARAF.md); a new component per context. */
@org.osgi.service.component.annotations.Component(service = ComponentResolver.class, property = "component=pop3d")
public final class Pop3dComponentResolver implements ComponentResolver {

    @Override
    public Component resolveComponent(String name, CamelContext context) {
        return "pop3d".equals(name) ? new Pop3dComponent() : null;
    }
}
