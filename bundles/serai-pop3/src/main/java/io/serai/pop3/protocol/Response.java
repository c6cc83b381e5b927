package io.serai.pop3.protocol;

/**
 * What the session wants done after a line: bytes to send (one write and flush) and an action.
 *
 * @param output    the reply bytes, possibly empty
 * @param action    what the transport does after writing {@code output}
 * @param transfer  the message to stream, for {@link Action#TRANSFER}
 * @param throttled the reply is a failed authentication: send it only after the configured delay
 */
public record Response(byte[] output, Action action, Transfer transfer, boolean throttled) {

    public enum Action {
        CONTINUE,
        /** Write the output, then close the connection. */
        CLOSE,
        /** Write the output in plaintext, then start the TLS handshake; discard input pipelined after STLS. */
        START_TLS,
        /** Stream {@link #transfer()} (which carries its own status line); read nothing until it is written. */
        TRANSFER
    }

    static Response reply(byte[] output) {
        return new Response(output, Action.CONTINUE, null, false);
    }

    static Response close(byte[] output) {
        return new Response(output, Action.CLOSE, null, false);
    }

    static Response transfer(Transfer transfer) {
        return new Response(new byte[0], Action.TRANSFER, transfer, false);
    }

    /** The same response without the delay (the transport sends it once the delay has passed). */
    public Response undelayed() {
        return new Response(output, action, transfer, false);
    }

    Response delayed() {
        return new Response(output, action, transfer, true);
    }
}
