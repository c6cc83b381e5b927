package io.serai.imap.protocol.decode;

import io.serai.imap.protocol.literal.LiteralSpool;
import io.serai.imap.protocol.literal.SpoolWriter;
import io.serai.imap.protocol.literal.SpooledLiteral;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Cuts the client byte stream into whole commands, following literals (RFC 9051 §4.3, §7.5; RFC 7888).
 *
 * <p>A line ending in {@code {n}} announces a synchronizing literal: the framer asks for a continuation and then
 * reads exactly {@code n} octets, which may contain CR and LF. {@code {n+}} is non-synchronizing (LITERAL+/LITERAL-):
 * the octets follow without a continuation. The command ends at the first CRLF that does not announce a literal.
 * The framer knows nothing of Netty: the transport feeds it bytes and acts on the {@link FrameSink} calls.
 *
 * <p>Literal octets stay in memory while the command holds at most {@link LiteralSpool#threshold()} of them; a
 * literal that would pass it is written to a spool file as it arrives (an APPEND of a large message never sits whole
 * on the heap). Writing blocks, so the transport feeds the framer off the I/O loop. The spool files of a command
 * that is rejected, or cut short by {@link #close()}, are deleted here; those of a framed command belong to its
 * {@link CommandFrame}.
 *
 * <p>Not thread-safe: one framer per connection, fed in order.
 */
public final class CommandFramer {

    private enum State { LINE, LITERAL, CLOSED }

    private FramerLimits limits;
    private LiteralSpool spool;
    /** The spool file of the literal being read, or {@code null} while literal octets go to memory. */
    private SpoolWriter writer;
    /** The finished spool files of the command being framed, by their offset in {@link #frame}. */
    private final Map<Integer, SpooledLiteral> spooled = new HashMap<>();
    private long spooledOctets;
    private final ByteArrayOutputStream frame = new ByteArrayOutputStream(256);
    private byte[] line = new byte[256];
    private int lineLength;
    private State state = State.LINE;
    private long literalRemaining;
    /** Set while the rest of a rejected command is read and dropped; reported when the command ends. */
    private DecodeException pending;

    /** A framer that keeps every literal in memory. */
    public CommandFramer(FramerLimits limits) {
        this(limits, LiteralSpool.inMemory());
    }

    public CommandFramer(FramerLimits limits, LiteralSpool spool) {
        this.limits = limits;
        this.spool = spool;
    }

    /**
     * Consumes {@code len} bytes; every complete command, continuation request and error goes to {@code sink}. The
     * framer copies what it keeps, so the caller may reuse {@code bytes} afterwards.
     */
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
                        literalOctets(bytes, i, n);
                    }
                    literalRemaining -= n;
                    i += n;
                    if (literalRemaining == 0) {
                        endLiteral();
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

    /** Where the next large literals go, e.g. to disk only once the client has authenticated. */
    public void spool(LiteralSpool newSpool) {
        this.spool = newSpool;
    }

    /**
     * The connection is gone or the framer is replaced (STARTTLS): deletes the spool files of the command being
     * framed, and frames nothing more.
     */
    public void close() {
        discardSpool();
        state = State.CLOSED;
    }

    /** Whether the next octets fed are literal data. */
    public boolean readingLiteral() {
        return state == State.LITERAL;
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
        long total = (long) frame.size() + spooledOctets + lineLength + 2 + n;
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
            DecodeException spoolProblem = openSpool(n);
            if (spoolProblem != null) {
                reject(sink, spoolProblem, true); // no continuation: the client sends no data
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
            if (pending == null) {
                pending = openSpool(n); // on failure the octets are read and dropped, then the command refused
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
        CommandFrame command = new CommandFrame(frame.toByteArray(), spooled);
        spooled.clear(); // the frame owns the files now
        reset();
        sink.command(command);
    }

    /**
     * Opens a spool file if a literal of {@code n} octets would take the command's in-memory octets past the
     * threshold; the error to answer if the file cannot be created.
     */
    private DecodeException openSpool(long n) {
        if (!spool.spools((long) frame.size() + lineLength + 2, n)) {
            return null;
        }
        try {
            writer = spool.newWriter();
            return null;
        } catch (IOException e) {
            return spoolFailed();
        }
    }

    private void literalOctets(byte[] bytes, int offset, int length) {
        if (writer == null) {
            frame.write(bytes, offset, length);
            return;
        }
        try {
            writer.write(bytes, offset, length);
        } catch (IOException e) {
            writer.discard();
            writer = null;
            pending = spoolFailed(); // the rest of the command is read and dropped
        }
    }

    private void endLiteral() {
        if (writer == null) {
            return;
        }
        SpoolWriter finished = writer;
        writer = null;
        try {
            SpooledLiteral literal = finished.finish();
            spooled.put(frame.size(), literal);
            spooledOctets += literal.size();
        } catch (IOException e) {
            pending = spoolFailed();
        }
    }

    /** RFC 5530 §3 UNAVAILABLE: a subsystem (here the spool directory) cannot do its part right now. */
    private DecodeException spoolFailed() {
        return new DecodeException(tag(), "[UNAVAILABLE] Cannot spool the literal");
    }

    private void discardSpool() {
        if (writer != null) {
            writer.discard();
            writer = null;
        }
        spooled.values().forEach(SpooledLiteral::release);
        spooled.clear();
        spooledOctets = 0;
    }

    private void reject(FrameSink sink, DecodeException error, boolean resetAfter) {
        if (resetAfter) {
            reset();
        }
        sink.error(error);
    }

    private void fail(FrameSink sink, DecodeException error) {
        discardSpool();
        state = State.CLOSED;
        sink.error(error);
    }

    private void reset() {
        discardSpool();
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
