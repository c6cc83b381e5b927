package io.serai.camel.smtpd.internal;

import io.serai.camel.smtpd.SmtpdConstants;
import io.serai.smtp.api.BodyType;
import io.serai.smtp.api.Envelope;
import io.serai.smtp.api.MessageContent;
import io.serai.smtp.api.Recipient;
import java.io.InputStream;
import java.net.InetSocketAddress;
import org.apache.camel.Message;

/** The SMTP → Camel mapping in one place (as camel-mail's {@code MailBinding}): envelope to headers, bytes to body. */
final class SmtpdBinding {

    private SmtpdBinding() {
    }

    /**
     * The body is a stream over the bytes, never a String: the content is already the exact bytes (trace headers
     * included) and may be 8-bit or not valid in any one charset (RFC 6152, RFC 6531). The body given is a
     * {@link ContentBody}, which Camel's stream caching re-opens rather than copies.
     */
    static void bind(Message message, Envelope envelope, MessageContent content, InputStream body) {
        message.setBody(body);
        message.setHeader(SmtpdConstants.CONTENT, content);
        message.setHeader(SmtpdConstants.MESSAGE_SIZE, content.size());
        message.setHeader(SmtpdConstants.ENVELOPE, envelope);
        message.setHeader(SmtpdConstants.ENVELOPE_FROM, envelope.reversePath());
        message.setHeader(SmtpdConstants.RECIPIENTS, envelope.recipients().stream().map(Recipient::address).toList());
        message.setHeader(SmtpdConstants.ENVELOPE_RECIPIENTS, envelope.recipients());
        message.setHeader(SmtpdConstants.CLIENT_ADDRESS, ip(envelope.clientAddress()));
        message.setHeader(SmtpdConstants.HELO_NAME, envelope.heloName());
        message.setHeader(SmtpdConstants.TLS, envelope.tls());
        envelope.authenticatedUser().ifPresent(user -> message.setHeader(SmtpdConstants.AUTHENTICATED_USER, user));
        message.setHeader(SmtpdConstants.TRANSACTION_ID, envelope.transactionId());
        message.setHeader(SmtpdConstants.SMTPUTF8, envelope.smtpUtf8());
        message.setHeader(SmtpdConstants.BODY_TYPE, envelope.bodyType() == BodyType.EIGHT_BIT_MIME ? "8BITMIME" : "7BIT");
        envelope.dsnReturn().ifPresent(ret -> message.setHeader(SmtpdConstants.DSN_RET, ret.name()));
        envelope.dsnEnvelopeId().ifPresent(id -> message.setHeader(SmtpdConstants.DSN_ENVID, id));
    }

    private static String ip(InetSocketAddress address) {
        if (address == null) {
            return null;
        }
        // getAddress() is null only for an unresolved address; never trigger a reverse DNS look-up here
        return address.getAddress() != null ? address.getAddress().getHostAddress() : address.getHostString();
    }
}
