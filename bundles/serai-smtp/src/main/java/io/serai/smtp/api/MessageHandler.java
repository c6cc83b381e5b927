package io.serai.smtp.api;

import java.util.concurrent.CompletionStage;

/**
 * Receives each message the server accepted the envelope for. The server replies to the end of data only when
 * the returned stage completes, so {@code 250} means the application has taken responsibility for the message
 * (RFC 5321 §6.1).
 *
 * <p>The stage's value is the reply to send: {@code null} or any 2xx sends the server's {@code 250 2.0.0}
 * (or the 2xx given); a 4xx/5xx reply is sent as is. Completing exceptionally with a {@link RejectException}
 * sends its reply; any other exception sends {@code 451 4.3.0}.
 *
 * <p>Called on the server's handler executor, never on a network I/O thread; the returned stage may complete on
 * any thread.
 */
@FunctionalInterface
public interface MessageHandler {

    CompletionStage<SmtpReply> deliver(Envelope envelope, MessageContent content);
}
