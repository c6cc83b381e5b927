package io.serai.imap.protocol.decode;

import io.serai.imap.protocol.literal.SpooledLiteral;
import java.util.Map;

/**
 * One whole command from {@link CommandFramer}: its lines and in-memory literal octets, without the final CRLF, and
 * the literals that went to spool files. A spooled literal's octets are left out of {@link #bytes()}; it is keyed
 * by the offset where they would have started, just after its {@code {n}} CRLF.
 *
 * <p>Whoever takes a frame must {@link #release()} it once the command has run or been refused, so no spool file
 * outlives its command.
 */
public final class CommandFrame {

    private final byte[] bytes;
    private final Map<Integer, SpooledLiteral> spooled;

    public CommandFrame(byte[] bytes, Map<Integer, SpooledLiteral> spooled) {
        this.bytes = bytes;
        this.spooled = Map.copyOf(spooled);
    }

    /** A command whose literals are all in memory. */
    public static CommandFrame of(byte[] bytes) {
        return new CommandFrame(bytes, Map.of());
    }

    public byte[] bytes() {
        return bytes;
    }

    /** The literal spooled at {@code offset} of {@link #bytes()}, or {@code null}. */
    public SpooledLiteral spooledAt(int offset) {
        return spooled.get(offset);
    }

    /** How many literals went to files. */
    public int spooledCount() {
        return spooled.size();
    }

    /** Deletes the spool files. Idempotent. */
    public void release() {
        spooled.values().forEach(SpooledLiteral::release);
    }
}
