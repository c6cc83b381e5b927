package io.serai.smtp.protocol;

import io.serai.smtp.api.RejectException;
import io.serai.smtp.api.SmtpReply;
import java.util.concurrent.CompletionException;

/**
 * Maps the outcome of the application's MessageHandler to the reply to the end of data, in one place (as James'
 * HookResult and SubEthaSMTP's RejectException do): success gives 250 only once the stage has completed.
 */
final class DeliveryReplies {

    private DeliveryReplies() {
    }

    static SmtpReply finalReply(SmtpReply reply, Throwable failure, String transactionId) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (cause instanceof RejectException reject) {
            return reject.reply();
        }
        if (cause != null) {
            return Replies.LOCAL_ERROR; // a transient failure: the client keeps the message and retries
        }
        if (reply == null || reply.code() / 100 == 3) {
            return Replies.queued(transactionId);
        }
        return reply;
    }
}
