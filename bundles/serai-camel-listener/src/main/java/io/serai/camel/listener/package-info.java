/**
 * What the Camel server endpoints ({@code imapd:}, {@code pop3d:}) share:
 * {@link io.serai.camel.listener.ListenerEndpoint} holds the {@code host:port} path, the store and credential options and the bound address;
 * {@link io.serai.camel.listener.ListenerConsumer} binds the listener when its route starts and closes it when the
 * route stops.
 */
@Export
@Version("1.0.0")
package io.serai.camel.listener;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
