package io.serai.camel.smtpd.internal;

import io.serai.smtp.api.RejectException;
import io.serai.smtp.api.SmtpReply;

/**
 * How the outcome of the route becomes the reply to the end of data, in one place (the idea of James's
 * {@code HookResult} and SubEthaSMTP's {@code RejectException}). A 2xx promises delivery (RFC 5321 §6.1), so it
 * is only ever sent for an exchange that finished without failure; anything doubtful is a 4xx, which makes the
 * client keep the message and retry (RFC 5321 §4.2.5), so nothing is lost.
 *
 * <table>
 * <caption>Reply mapping</caption>
 * <tr><th>Exchange</th><th>Reply header</th><th>Reply</th></tr>
 * <tr><td>succeeded</td><td>absent</td><td>{@code null}: the server's {@code 250 2.0.0 OK queued as <id>}</td></tr>
 * <tr><td>succeeded</td><td>2xx, 4xx or 5xx</td><td>that reply</td></tr>
 * <tr><td>failed (or rollback only)</td><td>any</td><td>a {@link RejectException}'s reply if one is in the cause
 * chain, else a 4xx/5xx header, else {@code 451 4.3.0}</td></tr>
 * <tr><td>any</td><td>unparsable</td><td>{@code 451 4.3.0}</td></tr>
 * </table>
 */
final class ReplyMapping {

    /** RFC 3463 §3.4 X.3.0: "other or undefined mail system status"; the client retries. */
    static final SmtpReply LOCAL_ERROR = SmtpReply.of(451, "4.3.0", "Local error in processing");

    private ReplyMapping() {
    }

    /**
     * @param failure      the exchange's exception, or {@code null}
     * @param rollbackOnly whether the route marked the exchange rollback-only (failed without an exception)
     * @param replyHeader  the value of the {@code SeraiSmtpReply} header, or {@code null}
     * @return the reply, or {@code null} for the server's default {@code 250}
     */
    static SmtpReply reply(Throwable failure, boolean rollbackOnly, Object replyHeader) {
        SmtpReply requested;
        try {
            requested = ReplyHeader.parse(replyHeader);
        } catch (IllegalArgumentException e) {
            return LOCAL_ERROR;
        }
        if (failure == null && !rollbackOnly) {
            return requested;
        }
        RejectException reject = rejectIn(failure);
        if (reject != null) {
            return reject.reply();
        }
        if (requested != null && !requested.isPositive()) {
            return requested;
        }
        return LOCAL_ERROR;
    }

    /** Camel may wrap what a processor threw (RuntimeCamelException, CamelExecutionException ...). */
    static RejectException rejectIn(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof RejectException reject) {
                return reject;
            }
        }
        return null;
    }
}
