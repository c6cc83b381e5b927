package io.serai.camel.context;

/** Service property names and defaults of the Serai CamelContext. */
public final class SeraiCamel {

    /** Config Admin PID of the context. */
    public static final String CONFIG_PID = "io.serai.camel";

    /** Name of the context when none is configured. */
    public static final String DEFAULT_CONTEXT_NAME = "serai";

    /** Service property with the context's name on the published {@link org.apache.camel.CamelContext}. */
    public static final String CONTEXT_NAME_PROPERTY = "camel.context.name";

    /**
     * Service property on a {@link org.apache.camel.spi.ComponentResolver} service: the URI scheme it resolves.
     * The same name camel-karaf uses, so components from the official Camel Karaf features are found too.
     */
    public static final String COMPONENT_PROPERTY = "component";

    /** Service property naming an OSGi service as a bean for the Camel registry (the OSGi JNDI convention). */
    public static final String BEAN_NAME_PROPERTY = "osgi.jndi.service.name";

    private SeraiCamel() {
    }
}
