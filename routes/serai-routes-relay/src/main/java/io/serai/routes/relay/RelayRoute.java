package io.serai.routes.relay;

import java.io.InputStream;
import java.time.Clock;
import java.util.List;

import io.serai.routes.relay.spool.Spool;
import io.serai.routes.relay.spool.SpoolEntry;
import io.serai.smtp.api.MessageContent;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.builder.RouteBuilder;

/**
 * Two routes. {@code serai-relay-accept} takes mail for remote recipients from {@value #ENDPOINT} (the delivery
 * route sends it there) and answers once the message is in the spool, so the SMTP client hears 250 only after a
 * durable hand-off. {@code serai-relay-deliver} runs {@link RelayQueue} on a timer, one pass at a time.
 *
 * <p>Input headers are the {@code smtpd:} ones: {@value #RECIPIENTS} (the remote recipients), {@value #SENDER}
 * (the reverse-path) and either {@value #CONTENT} (the received message) or the body as raw MIME bytes.
 */
final class RelayRoute extends RouteBuilder {

    static final String ENDPOINT = "direct:serai-relay";
    static final String RECIPIENTS = "SeraiSmtpRecipients";
    static final String SENDER = "SeraiSmtpEnvelopeFrom";
    static final String CONTENT = "SeraiSmtpContent";
    /** Output: the spool id of the queued message. */
    static final String QUEUE_ID = "SeraiRelayQueueId";

    private final Spool spool;
    private final long pollMillis;
    private final QueueFactory queue;
    private final Clock clock;

    /** The queue needs the context's ProducerTemplate, so it is made when the routes are configured. */
    interface QueueFactory {
        RelayQueue create(org.apache.camel.CamelContext context);
    }

    RelayRoute(Spool spool, long pollMillis, QueueFactory queue, Clock clock) {
        this.spool = spool;
        this.pollMillis = pollMillis;
        this.queue = queue;
        this.clock = clock;
    }

    @Override
    public void configure() {
        RelayQueue relay = queue.create(getContext());
        from(ENDPOINT).routeId("serai-relay-accept").process(this::accept);
        from("timer:serai-relay?fixedRate=false&delay=" + pollMillis + "&period=" + pollMillis)
                .routeId("serai-relay-deliver").process(exchange -> relay.runOnce());
    }

    private void accept(Exchange exchange) throws Exception {
        Message in = exchange.getMessage();
        @SuppressWarnings("unchecked")
        List<String> recipients = in.getHeader(RECIPIENTS, List.class);
        if (recipients == null || recipients.isEmpty()) {
            throw new IllegalArgumentException(ENDPOINT + " needs the recipients in header " + RECIPIENTS);
        }
        String sender = in.getHeader(SENDER, "", String.class);
        SpoolEntry entry;
        try (InputStream content = content(in)) {
            entry = spool.enqueue(sender, recipients, content, clock.instant());
        }
        in.setHeader(QUEUE_ID, entry.id());
    }

    private static InputStream content(Message in) throws Exception {
        MessageContent smtpContent = in.getHeader(CONTENT, MessageContent.class);
        if (smtpContent != null) {
            return smtpContent.openStream();
        }
        return in.getMandatoryBody(InputStream.class);
    }
}
