package io.serai.camel.mailbox.internal;

import java.io.InputStream;

import io.serai.camel.mailbox.MailboxConstants;
import io.serai.camel.mailbox.MailboxEndpoint;
import io.serai.camel.mailbox.mime.MessageParts;
import io.serai.store.api.Mailbox;
import io.serai.store.api.MessageContent;
import io.serai.store.api.NotFoundException;
import io.serai.store.api.StoreException;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one stored message through the route and commits the outcome: the completion action after a successful
 * exchange, the failure action after a failed one, and the consumer state after either. Called on the consumer's
 * single thread only, so messages are handled one at a time in UID order.
 */
final class MessageDispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(MessageDispatcher.class);

    private final MailboxConsumer consumer;
    private final Mailbox mailbox;
    private final String account;
    private final String folder;
    private final long uidValidity;
    private final CommitAction onCompletion;
    private final Mailbox completionTarget;
    private final CommitAction onFailure;
    private final Mailbox failureTarget;

    MessageDispatcher(MailboxConsumer consumer, Mailbox mailbox, String account, String folder, long uidValidity,
                      CommitAction onCompletion, Mailbox completionTarget, CommitAction onFailure,
                      Mailbox failureTarget) {
        this.consumer = consumer;
        this.mailbox = mailbox;
        this.account = account;
        this.folder = folder;
        this.uidValidity = uidValidity;
        this.onCompletion = onCompletion;
        this.completionTarget = completionTarget;
        this.onFailure = onFailure;
        this.failureTarget = failureTarget;
    }

    /**
     * Handles one message.
     *
     * @return true when the message is done with, false when it was left in the folder to be tried again
     */
    boolean dispatch(long uid, boolean redelivered) {
        MessageContent content;
        try {
            content = mailbox.content(uid);
        } catch (NotFoundException gone) {
            // expunged or moved away before we got to it: nothing to deliver
            LOG.debug("mailbox: {}/{} UID {} is gone before delivery", account, folder, uid);
            return true;
        } catch (StoreException e) {
            consumer.getExceptionHandler().handleException("mailbox: cannot read " + account + "/" + folder
                    + " UID " + uid + "; it is tried again after a restart", e);
            return false;
        }
        Exchange exchange = consumer.createExchange(false);
        try {
            run(exchange, uid, redelivered, content);
            return commit(exchange, uid);
        } finally {
            consumer.releaseExchange(exchange, false);
        }
    }

    private void run(Exchange exchange, long uid, boolean redelivered, MessageContent content) {
        try (InputStream body = content.openStream()) {
            MessageBinding.bind(exchange.getMessage(), account, folder, uidValidity, content);
            if (redelivered) {
                exchange.getMessage().setHeader(MailboxConstants.REDELIVERED, true);
            }
            exchange.getMessage().setBody(body);
            exchange.setProperty(MessageParts.CONTENT_PROPERTY, content); // for routes that read the MIME parts
            MailboxEndpoint endpoint = (MailboxEndpoint) consumer.getEndpoint();
            if (endpoint.isAttachments()) {
                AttachmentBinding.attach(exchange, content, endpoint); // loads camel-attachments only now
            }
            consumer.getProcessor().process(exchange);
        } catch (Exception e) {
            exchange.setException(e);
        }
    }

    private boolean commit(Exchange exchange, long uid) {
        boolean failed = exchange.isFailed();
        CommitAction action = failed ? onFailure : onCompletion;
        try {
            action.apply(mailbox, failed ? failureTarget : completionTarget, uid);
        } catch (StoreException e) {
            consumer.getExceptionHandler().handleException("mailbox: " + account + "/" + folder + " UID " + uid
                    + ": commit action failed; the message stays and is tried again after a restart", exchange, e);
            return false;
        }
        if (failed) {
            Exception cause = exchange.getException();
            consumer.getExceptionHandler().handleException("mailbox: route failed for " + account + "/" + folder
                    + " UID " + uid + (action.leaves() ? "; left in the folder for a retry after a restart"
                    : "; moved to " + action.folder()), exchange, cause);
            return !action.leaves();
        }
        return true;
    }
}
