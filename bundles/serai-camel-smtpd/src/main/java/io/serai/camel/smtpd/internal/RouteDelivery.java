package io.serai.camel.smtpd.internal;

import io.serai.camel.smtpd.SmtpdConstants;
import io.serai.smtp.api.Envelope;
import io.serai.smtp.api.MessageContent;
import io.serai.smtp.api.MessageHandler;
import io.serai.smtp.api.SmtpReply;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands each accepted message to the route as one exchange and answers the end of data from the route's async
 * callback, so the reply waits for the whole route (as camel-mllp acknowledges only after the route ran), not
 * merely for an exception not to have been thrown. Runs on the consumer's Camel thread pool, never on a network
 * thread: serai-smtp calls {@link #deliver} on the handler executor.
 */
final class RouteDelivery implements MessageHandler {

    private static final Logger LOG = LoggerFactory.getLogger(RouteDelivery.class);

    private final DefaultConsumer consumer;

    RouteDelivery(DefaultConsumer consumer) {
        this.consumer = consumer;
    }

    @Override
    public CompletionStage<SmtpReply> deliver(Envelope envelope, MessageContent content) {
        ContentBody body = new ContentBody(content);
        CompletableFuture<SmtpReply> reply = new CompletableFuture<>();
        // the exchange is released by hand, after the reply is computed: a pooled exchange may be reused at once
        Exchange exchange = consumer.createExchange(false);
        SmtpdBinding.bind(exchange.getIn(), envelope, content, body);
        AtomicBoolean done = new AtomicBoolean();
        try {
            consumer.getAsyncProcessor().process(exchange,
                    doneSync -> finish(exchange, envelope, body, reply, done));
        } catch (Throwable t) {
            // an AsyncProcessor should not throw; if it does, the message was not handled
            exchange.setException(t);
            finish(exchange, envelope, body, reply, done);
        }
        return reply;
    }

    private void finish(Exchange exchange, Envelope envelope, ContentBody body, CompletableFuture<SmtpReply> reply,
            AtomicBoolean done) {
        if (!done.compareAndSet(false, true)) {
            return;
        }
        SmtpReply outcome = ReplyMapping.LOCAL_ERROR;
        try {
            Object header = exchange.getMessage().getHeader(SmtpdConstants.REPLY);
            outcome = ReplyMapping.reply(exchange.getException(), exchange.isRollbackOnly(), header);
            log(exchange, envelope, header, outcome);
        } catch (RuntimeException e) {
            LOG.warn("smtpd {}: cannot map the route outcome, replying {}", envelope.transactionId(), outcome, e);
        } finally {
            close(body, envelope);
            consumer.releaseExchange(exchange, false);
            // completing tells the server to reply; it deletes the spooled content then
            reply.complete(outcome);
        }
    }

    private static void log(Exchange exchange, Envelope envelope, Object header, SmtpReply outcome) {
        Exception failure = exchange.getException();
        if (failure != null) {
            if (ReplyMapping.rejectIn(failure) != null) {
                LOG.info("smtpd {}: route rejected the message, replying {}", envelope.transactionId(), outcome);
            } else {
                LOG.warn("smtpd {}: route failed, replying {}", envelope.transactionId(), outcome, failure);
            }
        } else if (exchange.isRollbackOnly()) {
            LOG.warn("smtpd {}: route marked the exchange rollback-only, replying {}", envelope.transactionId(),
                    outcome);
        } else if (outcome == ReplyMapping.LOCAL_ERROR) {
            LOG.warn("smtpd {}: header {} is not an SMTP reply ({}), replying {}", envelope.transactionId(),
                    SmtpdConstants.REPLY, header, outcome);
        } else if (outcome != null) {
            LOG.debug("smtpd {}: route chose the reply {}", envelope.transactionId(), outcome);
        }
    }

    private static void close(ContentBody body, Envelope envelope) {
        try {
            body.closeAll();
        } catch (IOException e) {
            LOG.debug("smtpd {}: closing the body stream failed", envelope.transactionId(), e);
        }
    }
}
