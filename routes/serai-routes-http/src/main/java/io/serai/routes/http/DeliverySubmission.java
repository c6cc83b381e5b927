package io.serai.routes.http;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import io.serai.camel.smtpd.SmtpdConstants;
import io.serai.smtp.api.MessageContent;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;

/**
 * Submits through the endpoint the SMTP listeners deliver to (by way of the {@code serai-http} route), with the
 * same headers an {@code smtpd:} exchange has: local recipients are stored, recipients in other domains go to the
 * outbound relay (and fail while no relay is configured), exactly as for mail submitted over SMTP.
 */
final class DeliverySubmission implements Submission {

    private final Supplier<ProducerTemplate> template;
    private final String endpoint;

    /** @param template the context's template, or null while the context has not taken the route yet */
    DeliverySubmission(Supplier<ProducerTemplate> template, String endpoint) {
        this.template = template;
        this.endpoint = endpoint;
    }

    @Override
    public void submit(String sender, List<String> recipients, byte[] message) throws Exception {
        MessageContent content = new MessageContent() {
            @Override
            public long size() {
                return message.length;
            }

            @Override
            public InputStream openStream() {
                return new ByteArrayInputStream(message);
            }
        };
        ProducerTemplate producer = template.get();
        if (producer == null) {
            throw new IllegalStateException("the Serai CamelContext is not running the HTTP route yet");
        }
        Exchange result = producer.send(endpoint, exchange -> exchange.getIn().setHeaders(Map.of(
                SmtpdConstants.CONTENT, content,
                SmtpdConstants.RECIPIENTS, recipients,
                SmtpdConstants.ENVELOPE_FROM, sender,
                SmtpdConstants.AUTHENTICATED_USER, sender)));
        if (result.getException() != null) {
            throw result.getException();
        }
    }
}
