package io.serai.routes.relay;

import java.io.InputStream;
import java.util.List;

import io.serai.routes.relay.spool.SpoolEntry;
import jakarta.mail.MessagingException;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;

/** Sends through camel-mail's {@code smtp:}/{@code smtps:} producer to the smart host. */
final class SmtpTransmitter implements Transmitter {

    private final ProducerTemplate template;
    private final String endpointUri;

    SmtpTransmitter(ProducerTemplate template, String endpointUri) {
        this.template = template;
        this.endpointUri = endpointUri;
    }

    @Override
    public List<RecipientFailure> send(SpoolEntry entry, InputStream content) {
        EnvelopeMessage message;
        try {
            message = new EnvelopeMessage(content, entry.sender(), entry.recipients());
        } catch (MessagingException e) {
            return SmtpFailures.of(e, entry.recipients());
        }
        Exchange result = template.send(endpointUri, exchange -> exchange.getIn().setBody(message));
        return result.getException() == null ? List.of() : SmtpFailures.of(result.getException(), entry.recipients());
    }
}
