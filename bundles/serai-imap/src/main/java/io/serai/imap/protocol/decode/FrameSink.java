package io.serai.imap.protocol.decode;

/** What {@link CommandFramer} reports while it consumes bytes. Called on the thread that feeds the framer. */
public interface FrameSink {

    /** A synchronizing literal {@code {n}} was announced and accepted: send {@code + } continuation (RFC 9051 §7.5). */
    void continuationNeeded();

    /**
     * A whole command: all its lines and literal octets, without the final CRLF; large literals are in spool files
     * that the receiver must {@link CommandFrame#release()}. An empty line gives an empty frame: it is a valid (empty)
     * SASL response (RFC 9051 §6.2.2) and the session ignores it elsewhere.
     */
    void command(CommandFrame frame);

    /** A command that broke a bound or the framing; answer {@code BAD}, and close if {@link DecodeException#fatal()}. */
    void error(DecodeException error);
}
