package io.serai.routes.relay;

import java.io.InputStream;
import java.util.List;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import org.eclipse.angus.mail.smtp.SMTPMessage;

/**
 * A spooled message as camel-mail's {@code smtp:} producer sends it: the envelope, not the header, decides
 * who gets it (RFC 5321 §3.3; Bcc and recipients of other domains are not in the envelope), and the bytes go out
 * as they were received. camel-mail sends {@code getAllRecipients()} and calls {@code saveChanges()}, which would
 * re-encode the body and renew the Message-ID; here the first answers the envelope and the second (like the Date:
 * camel-mail would add) does nothing.
 */
final class EnvelopeMessage extends SMTPMessage {

    private final Address[] recipients;

    EnvelopeMessage(InputStream content, String sender, List<String> recipients) throws MessagingException {
        super(null, content);
        // the null reverse-path is "<>"; Angus sends the envelope-from as given when it is in angle brackets
        setEnvelopeFrom(sender.isEmpty() ? "<>" : sender);
        this.recipients = addresses(recipients);
    }

    private static Address[] addresses(List<String> recipients) throws AddressException {
        Address[] out = new Address[recipients.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = new InternetAddress(recipients.get(i), false);
        }
        return out;
    }

    @Override
    public Address[] getAllRecipients() {
        return recipients.clone();
    }

    @Override
    public void saveChanges() {
        // keep the received bytes
    }

    @Override
    public void setSentDate(java.util.Date date) {
        // camel-mail adds a Date: to messages without one; a relay adds trace fields only (RFC 5321 §4.4)
    }
}
