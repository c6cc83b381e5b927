package io.serai.camel.context.internal;

import java.util.Collection;

import io.serai.camel.context.SeraiCamel;
import org.apache.camel.CamelContext;
import org.apache.camel.Component;
import org.apache.camel.spi.ComponentResolver;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

/**
 * Resolves a URI scheme first through {@link ComponentResolver} OSGi services registered with
 * {@code component=<scheme>} (how Serai's own component bundles, and camel-karaf's extender, offer components),
 * then through Camel's class-path lookup, which sees every component embedded in the Camel runtime bundle.
 */
final class OsgiComponentResolver implements ComponentResolver {

    private final BundleContext bundleContext;
    private final ComponentResolver fallback;

    OsgiComponentResolver(BundleContext bundleContext, ComponentResolver fallback) {
        this.bundleContext = bundleContext;
        this.fallback = fallback;
    }

    @Override
    public Component resolveComponent(String name, CamelContext context) throws Exception {
        for (ServiceReference<ComponentResolver> ref : resolversFor(name)) {
            ComponentResolver resolver = bundleContext.getService(ref);
            if (resolver == null) {
                continue;
            }
            try {
                Component component = resolver.resolveComponent(name, context);
                if (component != null) {
                    return component;
                }
            } finally {
                // the component instance belongs to the context from here on; the resolver is not kept
                bundleContext.ungetService(ref);
            }
        }
        return fallback.resolveComponent(name, context);
    }

    private Collection<ServiceReference<ComponentResolver>> resolversFor(String name) throws InvalidSyntaxException {
        String filter = "(" + SeraiCamel.COMPONENT_PROPERTY + "=" + LdapValue.escape(name) + ")";
        // highest ranking first, as the framework orders getServiceReference
        return ServiceOrder.byRanking(bundleContext.getServiceReferences(ComponentResolver.class, filter));
    }
}
