package io.serai.camel.imapidle;

import io.serai.camel.imapidle.internal.ImapIdleConsumer;
import io.serai.camel.imapidle.internal.UidWatermark;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.support.DefaultEndpoint;

/**
 * Push receive from an IMAP server: the consumer stays connected, waits in IDLE (RFC 2177), and hands each new
 * message of the folder to the route, in UID order, one at a time. The message is flagged, moved or deleted only
 * when its exchange completes; a failed exchange leaves it where it is, and it is offered again.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "imap-idle", title = "IMAP IDLE", syntax = "imap-idle:host:port",
        consumerOnly = true, category = {Category.MAIL}, headersClass = ImapIdleConstants.class)
public class ImapIdleEndpoint extends DefaultEndpoint {

    @UriParam
    private final ImapIdleConfiguration configuration;

    /** The last committed UIDVALIDITY/UID, kept across consumer restarts of this endpoint. */
    private final UidWatermark watermark = new UidWatermark();

    public ImapIdleEndpoint(String uri, ImapIdleComponent component, ImapIdleConfiguration configuration) {
        super(uri, component);
        this.configuration = configuration;
    }

    @Override
    public Producer createProducer() {
        throw new UnsupportedOperationException(
                "imap-idle: is consumer only; send mail with camel-mail's smtp: endpoint");
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        if (configuration.getUsername() == null) {
            throw new IllegalArgumentException("imap-idle: needs a username");
        }
        if (configuration.getPassword() == null && configuration.getTokenSupplier() == null) {
            throw new IllegalArgumentException("imap-idle: needs a password or a tokenSupplier");
        }
        if (configuration.getMoveTo() != null && configuration.isDelete()) {
            throw new IllegalArgumentException("imap-idle: moveTo and delete exclude each other");
        }
        if (configuration.isSsl() && configuration.isStartTls()) {
            throw new IllegalArgumentException("imap-idle: ssl (implicit TLS) and startTls exclude each other");
        }
        ImapIdleConsumer consumer = new ImapIdleConsumer(this, processor, watermark);
        configureConsumer(consumer);
        return consumer;
    }

    public ImapIdleConfiguration getConfiguration() {
        return configuration;
    }
}
