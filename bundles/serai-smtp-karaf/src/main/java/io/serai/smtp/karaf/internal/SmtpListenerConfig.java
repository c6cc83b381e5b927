package io.serai.smtp.karaf.internal;

import io.serai.sasl.TrustedNetworks;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/** One SMTP listener: etc/io.serai.smtp.listener-NAME.cfg. Names match the smtpd: URI options. */
@ObjectClassDefinition(name = "Serai SMTP listener", description = "An SMTP listener that hands mail to a Camel route")
@interface SmtpListenerConfig {

    @AttributeDefinition(description = "Name of the listener; its route is smtp-NAME")
    String name() default "smtp";

    @AttributeDefinition(description = "MTA receives for local domains without AUTH (port 25 style); SUBMISSION "
            + "requires AUTH after STARTTLS (587 style); SUBMISSIONS is implicit TLS (465 style)",
            options = {@Option(value = "MTA"), @Option(value = "SUBMISSION"), @Option(value = "SUBMISSIONS")})
    String kind() default "MTA";

    @AttributeDefinition(description = "Address to listen on")
    String host() default "127.0.0.1";

    @AttributeDefinition(description = "Port to listen on")
    int port() default 2525;

    @AttributeDefinition(description = "Host name in the greeting, EHLO reply and Received: headers")
    String hostname() default "localhost";

    @AttributeDefinition(description = "Offer STARTTLS (or, for SUBMISSIONS, use TLS) with the io.serai.tls certificate")
    boolean tls() default true;

    @AttributeDefinition(description = "Allow AUTH on connections without TLS (passwords in clear text: tests only)")
    boolean authWithoutTls() default false;

    @AttributeDefinition(description = "Client networks (addresses and CIDR blocks, comma-separated; empty or none for"
            + " none) whose connections count as secure: AUTH PLAIN/LOGIN is offered there without TLS")
    String trustedNetworks() default TrustedNetworks.LOOPBACK_SPEC;

    @AttributeDefinition(description = "Largest message in octets (SIZE, RFC 1870)")
    long maxMessageSize() default 36_700_160L;

    @AttributeDefinition(description = "Most recipients per message")
    int maxRecipients() default 100;

    @AttributeDefinition(description = "Most connections at once")
    int maxConnections() default 500;

    @AttributeDefinition(description = "Most connections at once from one client address")
    int maxConnectionsPerIp() default 20;

    @AttributeDefinition(description = "Endpoint that receives each accepted message; 250 is sent when it has finished")
    String deliverTo() default "direct:serai-deliver";

    @AttributeDefinition(description = "More smtpd: URI options, e.g. maxErrors=5&dataTimeout=60000")
    String options() default "";
}
