package io.serai.routes.http;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** etc/io.serai.routes.http.cfg; without it there is no HTTP endpoint. */
@ObjectClassDefinition(name = "Serai route: HTTP to mail",
        description = "A JSON endpoint that builds a message and submits it like an authenticated SMTP client")
@interface HttpRouteConfig {

    @AttributeDefinition(description = "Address to listen on")
    String host() default "127.0.0.1";

    @AttributeDefinition(description = "Port to listen on")
    int port() default 8025;

    @AttributeDefinition(description = "Path of the endpoint")
    String path() default "/mail";

    @AttributeDefinition(description = "Require HTTP Basic authentication with an account of the store; 'from' must "
            + "then be that account. Off only for trusted local clients")
    boolean requireAuth() default true;

    @AttributeDefinition(description = "Host name in Message-IDs and the Received: header")
    String hostname() default "localhost";

    @AttributeDefinition(description = "Largest request body in octets (base64 attachments included)")
    long maxRequestSize() default 36_700_160L;

    @AttributeDefinition(description = "Most recipients (to + cc + bcc) per message")
    int maxRecipients() default 100;

    @AttributeDefinition(description = "Threads that handle requests")
    int threads() default 4;

    @AttributeDefinition(description = "Endpoint the message is submitted to (as the SMTP listeners' deliverTo)")
    String deliverTo() default "direct:serai-deliver";
}
