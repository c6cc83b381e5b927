package io.serai.camel.smtpd;

import io.serai.camel.smtpd.internal.ServerConfigFactory;
import io.serai.camel.smtpd.internal.SmtpdConsumer;
import java.net.InetSocketAddress;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.support.DefaultEndpoint;

/**
 * An SMTP listener: each message the server accepts becomes one exchange, and the client's end of data is answered
 * only when the route has finished with it (see the README for the reply mapping).
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "smtpd", title = "SMTP server", syntax = "smtpd:host:port",
        consumerOnly = true, category = {Category.MAIL}, headersClass = SmtpdConstants.class)
public class SmtpdEndpoint extends DefaultEndpoint {

    @UriParam
    private final SmtpdConfiguration configuration;

    private volatile InetSocketAddress localAddress;

    public SmtpdEndpoint(String uri, SmtpdComponent component, SmtpdConfiguration configuration) {
        super(uri, component);
        this.configuration = configuration;
    }

    public SmtpdConfiguration getConfiguration() {
        return configuration;
    }

    /**
     * The address the listener is bound to while a consumer of this endpoint runs (with port 0, the port picked),
     * else {@code null}.
     */
    public InetSocketAddress getLocalAddress() {
        return localAddress;
    }

    @Override
    public Producer createProducer() {
        throw new UnsupportedOperationException("smtpd: is consumer only; send mail with camel-mail's smtp: endpoint");
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        SmtpdConsumer consumer = new SmtpdConsumer(this, processor, address -> localAddress = address);
        configureConsumer(consumer);
        return consumer;
    }

    @Override
    protected void doInit() throws Exception {
        super.doInit();
        // fail at route creation, not at start, on limits the server would refuse (e.g. maxLineLength below 1000)
        ServerConfigFactory.validate(configuration);
    }
}
