package io.serai.smtp.api;

import java.util.Objects;

/**
 * Thrown by (or used to complete exceptionally) the application callbacks to send a specific reply, as
 * SubEthaSMTP's RejectException does. Any other exception becomes {@code 451 4.3.0}.
 */
public class RejectException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient SmtpReply reply;

    public RejectException(SmtpReply reply) {
        super(reply.toString());
        this.reply = Objects.requireNonNull(reply, "reply");
        if (reply.isPositive()) {
            throw new IllegalArgumentException("a rejection needs a 4xx or 5xx reply: " + reply);
        }
    }

    /** {@code 554 5.6.0}-style permanent rejection with the given text. */
    public static RejectException permanent(String text) {
        return new RejectException(SmtpReply.of(554, "5.6.0", text));
    }

    /** {@code 451 4.3.0}-style temporary failure: the client should retry later. */
    public static RejectException temporary(String text) {
        return new RejectException(SmtpReply.of(451, "4.3.0", text));
    }

    public SmtpReply reply() {
        return reply;
    }
}
