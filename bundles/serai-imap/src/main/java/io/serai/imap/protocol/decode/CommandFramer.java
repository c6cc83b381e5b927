package io.serai.imap.protocol.decode;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Cuts the client byte stream into whole commands, following literals (RFC 9051 §4.3, §7.5; RFC 7888).
 *
 * <p>A line ending in {@code {n}} announces a synchronizing literal: the framer asks for a continuation and then
 * reads exactly {@code n} octets, which may contain CR and LF. {@code {n+}} is non-synchronizing (LITERAL+/LITERAL-):
 * the octets follow without a continuation. The command ends at the first CRLF that does not announce a literal.
 * The framer knows nothing of Netty: the transport feeds it bytes and acts on the {@link FrameSink} calls.
 *
 * <p>Not thread-safe: one framer per connection, fed in order.
 */
public final class CommandFramer {

    private enum State { LINE, LITERAL, CLOSED }

    private FramerLimits limits;
    private final ByteArrayOutputStream frame = new ByteArrayOutputStream(256);
    private byte[] line = new byte[256];
    private int lineLength;
    private State state = State.LINE;
    private long literalRemaining;
    /** Set while the rest of a rejected command is read and dropped; reported when the command ends. */
    private DecodeException pending;

    public CommandFramer(FramerLimits limits) {
        this.limits = limits;
    }

    /** Consumes {@code len} bytes; every complete command, continuation request and error goes to {@code sink}. */
    public void feed(byte[] bytes, int off, int len, FrameSink sink) {
        int i = off;
        int end = off + len;
        while (i < end) {
            switch (state) {
                case CLOSED -> {
                    return;
                }
                case LITERAL -> {
                    int n = (int) Math.min(literalRemaining, end - i);
                    if (pending == null) {
                        frame.write(bytes, i, n);
                    }
                    literalRemaining -= n;
                    i += n;
                    if (literalRemaining == 0) {
                        state = State.LINE;
                    }
                }
                case LINE -> {
                    byte b = bytes[i++];
                    if (b == '\n') {
                        endOfLine(sink);
                    } else if (lineLength >= limits.maxLineLength()) {
                        // the rest of the line may announce a literal we cannot see: framing is lost (RFC 9051 §4)
                        fail(sink, new DecodeException(tag(), "Line too long", true));
                    } else {
                        appendToLine(b);
                    }
                }
            }
        }
    }

    /** New bounds for the next lines and literals, e.g. larger ones once the client has authenticated. */
    public void limits(FramerLimits newLimits) {
        this.limits = newLimits;
    }

    /** Whether the framer stopped for good after a fatal error. */
    public boolean closed() {
        return state == State.CLOSED;
    }

    private void endOfLine(FrameSink sink) {
        if (lineLength > 0 && line[lineLength - 1] == '\r') {
            lineLength--;
        }
        LiteralAnnouncement literal = LiteralAnnouncement.atEndOf(line, lineLength);
        if (literal == null) {
            finishCommand(sink);
        } else if (literal.size() < 0) {
            reject(sink, new DecodeException(tag(), "Literal size out of range"), true);
        } else {
            startLiteral(literal, sink);
        }
    }

    private void startLiteral(LiteralAnnouncement literal, FrameSink sink) {
        long n = literal.size();
        long total = (long) frame.size() + lineLength + 2 + n;
        String problem = null;
        if (n > limits.maxLiteralSize() || total > limits.maxCommandSize()) {
            problem = "[TOOBIG] Literal too large"; // RFC 4469 / RFC 9051 §7.1 TOOBIG response code
        } else if (!literal.synchronizing() && n > limits.maxNonSyncLiteral()) {
            problem = "[TOOBIG] Non-synchronizing literal too large"; // LITERAL-, RFC 7888 §5
        }
        if (literal.synchronizing()) {
            if (problem != null || pending != null) {
                // RFC 9051 §7.5: instead of the continuation the server answers BAD; the client sends no data
                reject(sink, problem != null ? new DecodeException(tag(), problem) : pending, true);
                return;
            }
            appendLineToFrame(true);
            sink.continuationNeeded();
        } else {
            if (problem != null && pending == null) {
                if (n > limits.maxLiteralSize()) {
                    // too much to read and drop: give up on the connection
                    fail(sink, new DecodeException(tag(), problem, true));
                    return;
                }
                pending = new DecodeException(tag(), problem);
            }
            appendLineToFrame(true);
        }
        literalRemaining = n;
        state = n == 0 ? State.LINE : State.LITERAL;
    }

    private void finishCommand(FrameSink sink) {
        if (pending != null) {
            reject(sink, pending, true);
            return;
        }
        appendLineToFrame(false);
        byte[] command = frame.toByteArray();
        reset();
        sink.command(command);
    }

    private void reject(FrameSink sink, DecodeException error, boolean resetAfter) {
        if (resetAfter) {
            reset();
        }
        sink.error(error);
    }

    private void fail(FrameSink sink, DecodeException error) {
        state = State.CLOSED;
        sink.error(error);
    }

    private void reset() {
        frame.reset();
        lineLength = 0;
        pending = null;
        state = State.LINE;
    }

    private void appendLineToFrame(boolean crlf) {
        if (pending == null) {
            frame.write(line, 0, lineLength);
            if (crlf) {
                frame.write('\r');
                frame.write('\n');
            }
        }
        lineLength = 0;
    }

    private void appendToLine(byte b) {
        if (lineLength == line.length) {
            line = Arrays.copyOf(line, Math.min(line.length * 2, limits.maxLineLength() + 1));
        }
        line[lineLength++] = b;
    }

    /** The tag of the command being framed, for error replies; {@code null} when it is not a valid tag yet. */
    private String tag() {
        byte[] start = frame.size() > 0 ? frame.toByteArray() : Arrays.copyOf(line, lineLength);
        int sp = 0;
        while (sp < start.length && start[sp] != ' ') {
            sp++;
        }
        String candidate = new String(start, 0, sp, StandardCharsets.US_ASCII);
        return Tags.isValid(candidate) ? candidate : null;
    }
}
