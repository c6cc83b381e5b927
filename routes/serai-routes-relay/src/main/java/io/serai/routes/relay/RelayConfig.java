package io.serai.routes.relay;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/** etc/io.serai.routes.relay.cfg; without it there is no outbound relay and submission cannot send to other domains. */
@ObjectClassDefinition(name = "Serai route: outbound relay",
        description = "Mail submitted for other domains is queued and delivered to a smart host")
@interface RelayConfig {

    @AttributeDefinition(description = "The smart host all outbound mail goes to")
    String smartHost();

    @AttributeDefinition(description = "Its port: 587 (submission, STARTTLS), 465 (implicitTls) or 25")
    int smartPort() default 587;

    @AttributeDefinition(description = "Connect with TLS from the start (port 465, RFC 8314)")
    boolean implicitTls() default false;

    @AttributeDefinition(description = "STARTTLS on a plain connection", options = {
            @Option(value = "required"), @Option(value = "opportunistic"), @Option(value = "none")})
    String startTls() default "required";

    @AttributeDefinition(description = "Hosts whose certificate is trusted without checking (mail.smtp.ssl.trust; "
            + "* trusts any: tests only); empty: the JVM trust store decides", required = false)
    String sslTrust() default "";

    @AttributeDefinition(description = "User name for AUTH at the smart host; empty: no AUTH", required = false)
    String username() default "";

    @AttributeDefinition(description = "Password for AUTH", type = AttributeType.PASSWORD, required = false)
    String password() default "";

    @AttributeDefinition(description = "This host's name: sent in EHLO and used as Reporting-MTA in bounces")
    String hostname() default "localhost";

    @AttributeDefinition(description = "Spool directory (queue/ and dead/); empty: ${karaf.data}/serai-relay",
            required = false)
    String spoolDirectory() default "";

    @AttributeDefinition(description = "How often the queue is checked for due messages, in milliseconds")
    long pollIntervalMillis() default 5000;

    @AttributeDefinition(description = "Wait after the first failed attempt, in seconds")
    long retryInitialDelaySeconds() default 60;

    @AttributeDefinition(description = "Longest wait between attempts, in seconds")
    long retryMaxDelaySeconds() default 3600;

    @AttributeDefinition(description = "Factor the wait grows by after each failed attempt")
    double retryBackoffFactor() default 2.0;

    @AttributeDefinition(description = "How long a message is retried before it bounces, in seconds (5 days; "
            + "RFC 5321 §4.5.4.1)")
    long lifetimeSeconds() default 432_000;

    @AttributeDefinition(description = "Connect and read timeout at the smart host, in milliseconds")
    int timeoutMillis() default 60_000;
}
