package io.serai.routes.delivery;

import java.time.Instant;
import java.util.List;

import io.serai.camel.smtpd.SmtpdConstants;
import io.serai.smtp.api.Envelope;
import io.serai.smtp.api.MessageContent;
import io.serai.store.api.MailStore;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The default inbound route, {@code direct:serai-deliver}: every SMTP listener hands accepted mail here, and the
 * client hears {@code 250} once the message is durable in each local recipient's mailbox.
 */
@Component(service = RoutesBuilder.class, property = "serai.route=delivery")
public final class DeliveryRoute extends RouteBuilder {

    /** The endpoint SMTP listeners deliver to unless configured otherwise. */
    public static final String ENDPOINT = "direct:serai-deliver";

    /** Header set on the exchange: how many mailbox copies were stored. */
    public static final String DELIVERED_COPIES = "SeraiDeliveredCopies";

    private final LocalDelivery delivery;

    @Activate
    public DeliveryRoute(@Reference MailStore store) {
        this.delivery = new LocalDelivery(store);
    }

    @Override
    public void configure() {
        from(ENDPOINT).routeId("serai-deliver").process(this::deliver);
    }

    private void deliver(Exchange exchange) throws Exception {
        MessageContent content = exchange.getMessage().getHeader(SmtpdConstants.CONTENT, MessageContent.class);
        if (content == null) {
            throw new IllegalArgumentException(ENDPOINT + " takes exchanges from an smtpd: endpoint (no "
                    + SmtpdConstants.CONTENT + " header)");
        }
        @SuppressWarnings("unchecked")
        List<String> recipients = exchange.getMessage().getHeader(SmtpdConstants.RECIPIENTS, List.class);
        Envelope envelope = exchange.getMessage().getHeader(SmtpdConstants.ENVELOPE, Envelope.class);
        Instant received = envelope != null ? envelope.receivedAt() : Instant.now();
        int copies = delivery.deliver(recipients, content::openStream, content.size(), received);
        exchange.getMessage().setHeader(DELIVERED_COPIES, copies);
    }
}
