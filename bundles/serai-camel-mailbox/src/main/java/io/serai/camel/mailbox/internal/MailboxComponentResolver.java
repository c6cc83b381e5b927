package io.serai.camel.mailbox.internal;

import io.serai.camel.mailbox.MailboxComponent;
import org.apache.camel.CamelContext;
import org.apache.camel.Component;
import org.apache.camel.spi.ComponentResolver;

/** Offers {@code mailbox:} to the Serai CamelContext (docs/CAMEL-IN-KARAF.md); a new component per context. */
@org.osgi.service.component.annotations.Component(service = ComponentResolver.class, property = "component=mailbox")
public final class MailboxComponentResolver implements ComponentResolver {

    @Override
    public Component resolveComponent(String name, CamelContext context) {
        return "mailbox".equals(name) ? new MailboxComponent() : null;
    }
}
