package io.serai.camel.mailbox.internal;

import java.time.Instant;
import java.util.Date;

import io.serai.camel.mailbox.MailboxConstants;
import io.serai.camel.mailbox.MailboxEndpoint;
import io.serai.store.api.AppendRequest;
import io.serai.store.api.AppendResult;
import io.serai.store.api.ContentSource;
import io.serai.store.api.Mailbox;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultProducer;

/**
 * Appends the body, as raw RFC 5322 bytes (or, with {@code build=true}, a message built from the text, headers and
 * attachments), to the endpoint's folder (or the one the Target headers name).
 */
public final class MailboxProducer extends DefaultProducer {

    private final MailboxEndpoint endpoint;

    public MailboxProducer(MailboxEndpoint endpoint) {
        super(endpoint);
        this.endpoint = endpoint;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        Message in = exchange.getMessage();
        String account = in.getHeader(MailboxConstants.TARGET_ACCOUNT, endpoint.getAccount(), String.class);
        String folder = in.getHeader(MailboxConstants.TARGET_FOLDER, endpoint.getFolder(), String.class);
        if (account == null || account.isEmpty()) {
            throw new IllegalArgumentException("mailbox: no account: put it in the URI (mailbox:user@domain/"
                    + folder + ") or in the " + MailboxConstants.TARGET_ACCOUNT + " header");
        }
        Mailbox mailbox = MailboxLocator.open(endpoint.getStore(), account, folder, endpoint.isCreateFolder());
        Instant date = internalDate(in);
        // build=true: a message made from text, headers and attachments; otherwise the body is the message
        ContentSource content = endpoint.isBuild()
                ? ContentSource.of(new java.io.ByteArrayInputStream(MimeBuilder.build(exchange, date)))
                : BodyContent.of(exchange);
        AppendResult result = mailbox.append(new AppendRequest(content, date, endpoint.getAppendFlags()));
        in.setHeader(MailboxConstants.UID, result.uid());
        in.setHeader(MailboxConstants.UID_VALIDITY, result.uidValidity());
    }

    private static Instant internalDate(Message in) {
        Object date = in.getHeader(MailboxConstants.TARGET_INTERNAL_DATE);
        if (date instanceof Instant instant) {
            return instant;
        }
        if (date instanceof Date legacy) {
            return legacy.toInstant();
        }
        return Instant.now();
    }
}
