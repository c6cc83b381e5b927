package io.serai.smtp.protocol;

/**
 * How the transport frames the next input.
 *
 * @param kind  lines or a counted chunk
 * @param limit for LINE: the longest line accepted, CRLF included; for CHUNK: the octets still to read
 * @param data  whether message data is being read (the data timeout applies instead of the command timeout)
 */
public record InputMode(Kind kind, long limit, boolean data) {

    /** Line framing or a counted BDAT chunk. */
    public enum Kind { LINE, CHUNK, NONE }

    public static InputMode lines(int limit, boolean data) {
        return new InputMode(Kind.LINE, limit, data);
    }

    public static InputMode chunk(long remaining) {
        return new InputMode(Kind.CHUNK, remaining, true);
    }

    /** The session expects no input now (waiting for TLS or for the application). */
    public static InputMode none() {
        return new InputMode(Kind.NONE, 0, false);
    }
}
