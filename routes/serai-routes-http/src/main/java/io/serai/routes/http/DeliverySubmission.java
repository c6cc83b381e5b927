package io.serai.routes.http;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

import io.serai.camel.smtpd.SmtpdConstants;
import io.serai.smtp.api.MessageContent;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;

/**
 * Submits through the endpoint the SMTP listeners deliver to ({@code direct:serai-deliver} by default), with the
 * same headers an {@code smtpd:} exchange has: local recipients are stored, recipients in other domains go to the
 * outbound relay (and fail while no relay is configured), exactly as for mail submitted over SMTP.
 */
final class DeliverySubmission implements Submission {

    private final ProducerTemplate template;
    private final String endpoint;

    DeliverySubmission(ProducerTemplate template, String endpoint) {
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
        Exchange result = template.send(endpoint, exchange -> exchange.getIn().setHeaders(Map.of(
                SmtpdConstants.CONTENT, content,
                SmtpdConstants.RECIPIENTS, recipients,
                SmtpdConstants.ENVELOPE_FROM, sender,
                SmtpdConstants.AUTHENTICATED_USER, sender)));
        if (result.getException() != null) {
            throw result.getException();
        }
    }
}
