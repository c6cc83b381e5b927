/**
 * Names shared by the Serai CamelContext and the bundles that feed it.
 *
 * <p>Route bundles publish {@link org.apache.camel.RoutesBuilder} OSGi services; the Serai CamelContext adds
 * their routes when they appear and removes them when they go. Components from other bundles are found through
 * {@link org.apache.camel.spi.ComponentResolver} services with the {@code component} property (the
 * camel-karaf convention), and beans through services carrying {@code osgi.jndi.service.name}.
 */
@Export
@Version("1.0.0")
package io.serai.camel.context;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
