package io.serai.camel.imapidle.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import io.serai.camel.imapidle.ImapIdleConstants;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import org.apache.camel.Exchange;
import org.apache.camel.spi.Synchronization;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPMessage;
import org.eclipse.angus.mail.imap.IMAPStore;

/**
 * Turns one IMAP message into an exchange (body: the raw RFC 5322 bytes; headers: UID, UIDVALIDITY, folder and
 * the decoded envelope), runs the route, and waits for the exchange to complete. The commit (flags, move,
 * delete, watermark) happens in the exchange's {@link Synchronization}, so it follows the exchange's real outcome
 * even when the route continues asynchronously.
 */
final class MessageDelivery {

    private final ImapIdleConsumer consumer;
    private final String folderName;

    MessageDelivery(ImapIdleConsumer consumer, String folderName) {
        this.consumer = consumer;
        this.folderName = folderName;
    }

    /** True when the exchange succeeded and its commit went through. */
    boolean deliver(IMAPStore store, IMAPFolder folder, IMAPMessage message, long uid, long uidValidity)
            throws MessagingException {
        byte[] raw = rawBytes(message);
        Exchange exchange = consumer.createExchange(false);
        try {
            exchange.getIn().setBody(raw);
            setHeaders(exchange, message, uid, uidValidity, raw.length);
            CompletableFuture<Boolean> outcome = new CompletableFuture<>();
            exchange.getExchangeExtension().addOnCompletion(new Synchronization() {
                @Override
                public void onComplete(Exchange completed) {
                    try {
                        consumer.committed(store, folder, message, uid);
                        outcome.complete(true);
                    } catch (MessagingException | RuntimeException e) {
                        // not committed: the watermark stays below this UID and the message is offered again
                        consumer.recordError(e);
                        outcome.complete(false);
                    }
                }

                @Override
                public void onFailure(Exchange failed) {
                    consumer.recordError(failed.getException());
                    outcome.complete(false);
                }
            });
            try {
                consumer.getProcessor().process(exchange);
            } catch (Exception e) {
                exchange.setException(e);
                consumer.recordError(e);
                outcome.complete(false);
            }
            return outcome.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException e) {
            consumer.recordError(e.getCause());
            return false;
        } finally {
            consumer.releaseExchange(exchange, false);
        }
    }

    private static byte[] rawBytes(IMAPMessage message) throws MessagingException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(message.getSize(), 256));
        try {
            // BODY.PEEK[] when peek is set (mail.imap.peek), so a failed exchange leaves the message unseen
            message.writeTo(out);
        } catch (IOException e) {
            throw new MessagingException("imap-idle: cannot read message", e);
        }
        return out.toByteArray();
    }

    private void setHeaders(Exchange exchange, IMAPMessage message, long uid, long uidValidity, int length)
            throws MessagingException {
        var in = exchange.getIn();
        in.setHeader(ImapIdleConstants.UID, uid);
        in.setHeader(ImapIdleConstants.UID_VALIDITY, uidValidity);
        in.setHeader(ImapIdleConstants.MESSAGE_KEY, uidValidity + ":" + uid);
        in.setHeader(ImapIdleConstants.FOLDER, folderName);
        in.setHeader(ImapIdleConstants.FROM, addresses(message.getFrom()));
        in.setHeader(ImapIdleConstants.TO, addresses(message.getRecipients(jakarta.mail.Message.RecipientType.TO)));
        in.setHeader(ImapIdleConstants.SUBJECT, message.getSubject());
        in.setHeader(ImapIdleConstants.MESSAGE_ID, message.getMessageID());
        int size = message.getSize();
        in.setHeader(ImapIdleConstants.SIZE, (long) (size >= 0 ? size : length));
    }

    private static String addresses(Address[] addresses) {
        if (addresses == null || addresses.length == 0) {
            return null;
        }
        StringBuilder joined = new StringBuilder();
        for (Address address : addresses) {
            if (joined.length() > 0) {
                joined.append(", ");
            }
            joined.append(address instanceof InternetAddress ia ? ia.toUnicodeString() : address.toString());
        }
        return joined.toString();
    }
}
