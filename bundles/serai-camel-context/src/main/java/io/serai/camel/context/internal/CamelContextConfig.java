package io.serai.camel.context.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Serai Camel context",
        description = "The CamelContext that runs the routes of Serai's route bundles")
@interface CamelContextConfig {

    @AttributeDefinition(description = "Name of the CamelContext (JMX and logs)")
    String name() default "serai";

    @AttributeDefinition(description = "Seconds to let in-flight exchanges finish when the context stops")
    int shutdownTimeoutSeconds() default 30;

    @AttributeDefinition(description = "Cache message bodies that are streams so they can be read more than once")
    boolean streamCaching() default true;

    @AttributeDefinition(description = "Put the route and exchange ids into the logging MDC")
    boolean useMdcLogging() default true;
}
