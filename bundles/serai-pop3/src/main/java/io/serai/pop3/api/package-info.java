/**
 * The library API of the Serai POP3 server: build a {@link io.serai.pop3.api.Pop3ServerConfig}, start a
 * {@link io.serai.pop3.api.Pop3Server}, and optionally observe retrieved and deleted messages through a
 * {@link io.serai.pop3.api.Pop3EventListener}.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.2.0")
package io.serai.pop3.api;
