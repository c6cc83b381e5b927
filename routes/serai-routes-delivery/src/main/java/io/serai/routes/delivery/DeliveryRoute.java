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
 * client hears {@code 250} once the message is durable in each local recipient's mailbox. Recipients in other
 * domains (accepted only from authenticated submission, and only while the outbound relay is configured) are
 * handed to {@value #RELAY_ENDPOINT} with the {@code smtpd:} headers, their list in place of the full one; the
 * reply waits for that hand-off too. Local copies are stored first: if the relay then fails, the client retries
 * and local recipients may get a second copy, which is the safe side of "never lose" (RFC 5321 §6.1).
 */
@Component(service = RoutesBuilder.class, property = "serai.route=delivery")
public final class DeliveryRoute extends RouteBuilder {

    /** The endpoint SMTP listeners deliver to unless configured otherwise. */
    public static final String ENDPOINT = "direct:serai-deliver";

    /** Where mail for other domains goes: the outbound relay (routes/serai-routes-relay), when configured. */
    public static final String RELAY_ENDPOINT = "direct:serai-relay";

    /** Header set on the exchange: the recipients in other domains, absent when there are none. */
    public static final String REMOTE_RECIPIENTS = "SeraiDeliveryRemoteRecipients";

    /** Header set on the exchange: how many mailbox copies were stored. */
    public static final String DELIVERED_COPIES = "SeraiDeliveredCopies";

    private final LocalDelivery delivery;
    private final MailStore store;

    @Activate
    public DeliveryRoute(@Reference MailStore store) {
        this.delivery = new LocalDelivery(store);
        this.store = store;
    }

    @Override
    public void configure() {
        from(ENDPOINT).routeId("serai-deliver").process(this::deliver)
                .filter(header(REMOTE_RECIPIENTS).isNotNull())
                    .setHeader(SmtpdConstants.RECIPIENTS, header(REMOTE_RECIPIENTS))
                    // fail at once, not after direct:'s 30 s wait, when no relay is configured
                    .to(RELAY_ENDPOINT + "?block=false")
                .end();
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
        RecipientSplit split = RecipientSplit.of(recipients, domain -> store.accounts().isLocalDomain(domain));
        int copies = split.local().isEmpty() ? 0
                : delivery.deliver(split.local(), content::openStream, content.size(), received);
        exchange.getMessage().setHeader(DELIVERED_COPIES, copies);
        if (!split.remote().isEmpty()) {
            exchange.getMessage().setHeader(REMOTE_RECIPIENTS, split.remote());
        }
    }
}
