package io.serai.pop3.karaf.internal;

import io.serai.sasl.TrustedNetworks;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** One POP3 listener: etc/io.serai.pop3.listener-NAME.cfg. */
@ObjectClassDefinition(name = "Serai POP3 listener", description = "A POP3 listener over the mailbox store")
@interface Pop3ListenerConfig {

    @AttributeDefinition(description = "Name of the listener (logs)")
    String name() default "pop3";

    @AttributeDefinition(description = "Address to listen on")
    String host() default "127.0.0.1";

    @AttributeDefinition(description = "Port to listen on")
    int port() default 2110;

    @AttributeDefinition(description = "Host name in the greeting")
    String hostname() default "localhost";

    @AttributeDefinition(description = "TLS from the first byte (port 995 style, RFC 8314); otherwise STLS is offered")
    boolean implicitTls() default false;

    @AttributeDefinition(description = "Allow USER/PASS and AUTH without TLS (clear-text passwords: tests only)")
    boolean userWithoutTls() default false;

    @AttributeDefinition(description = "Client networks (addresses and CIDR blocks, comma-separated; empty or none for"
            + " none) whose connections count as secure: USER/PASS and AUTH PLAIN/LOGIN work there without TLS")
    String trustedNetworks() default TrustedNetworks.LOOPBACK_SPEC;

    @AttributeDefinition(description = "Seconds a session may stay silent (RFC 1939 section 3: at least 600)")
    int idleTimeoutSeconds() default 600;

    @AttributeDefinition(description = "Failed logins before the connection is closed")
    int maxAuthFailures() default 3;

    @AttributeDefinition(description = "Most connections at once")
    int maxConnections() default 500;

    @AttributeDefinition(description = "Most connections at once from one client address")
    int maxConnectionsPerIp() default 20;
}
