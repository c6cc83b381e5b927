package io.serai.smtp.protocol;

import io.serai.smtp.api.Envelope;
import java.util.Objects;

/**
 * What the session asks the transport to do after one input: write {@code output} (encoded replies, possibly
 * empty), then perform {@code action}.
 *
 * @param output    the reply bytes to write, already encoded
 * @param action    what to do after writing
 * @param delivery  the message to hand to the application when {@code action} is {@link Action#DELIVER}
 * @param throttled whether to delay the write (failed AUTH)
 */
public record Response(byte[] output, Action action, Delivery delivery, boolean throttled) {

    public Response {
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(action, "action");
        if ((action == Action.DELIVER) != (delivery != null)) {
            throw new IllegalArgumentException("a delivery goes with DELIVER and only with it");
        }
    }

    /** What the transport does after writing the output. */
    public enum Action {
        /** Keep reading input. */
        CONTINUE,
        /** Install TLS (RFC 3207), discard input until the handshake completes, then call tlsStarted(). */
        START_TLS,
        /** Stop reading, hand {@link Response#delivery()} to the application, then call deliveryCompleted(). */
        DELIVER,
        /** Close the connection. */
        CLOSE
    }

    /** A message ready for the application. */
    public record Delivery(Envelope envelope, SpooledContent content) {
    }

    public static Response none() {
        return new Response(new byte[0], Action.CONTINUE, null, false);
    }
}
