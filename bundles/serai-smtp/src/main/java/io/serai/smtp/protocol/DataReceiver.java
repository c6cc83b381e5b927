package io.serai.smtp.protocol;

import io.serai.smtp.api.SmtpReply;
import java.io.IOException;

/**
 * Receives the lines of a DATA transfer (RFC 5321 §4.1.1.4): recognises the {@code .} terminator line, removes
 * the transparency dot (§4.5.2) and writes each line with its CRLF to the sink.
 *
 * <p>Lines reach this class already split on CRLF and only on CRLF, so {@code <LF>.<LF>} or {@code <LF>.<CRLF>}
 * can never end the data (the "SMTP smuggling" attack). A line that still holds a bare CR or LF makes the whole
 * message fail with 554 5.6.0 once the real terminator arrives: RFC 5321 §2.3.8 forbids bare CR and LF in text
 * and §4.1.1.4 forbids servers to treat them as line ends, and rejecting is the only choice that neither
 * corrupts the message nor guesses the sender's intent.
 */
final class DataReceiver {

    private static final byte[] CRLF = {'\r', '\n'};

    private final MessageSink sink;
    private final long maxSize;
    private SmtpReply problem;

    DataReceiver(MessageSink sink, long maxSize) {
        this.sink = sink;
        this.maxSize = maxSize;
    }

    /** @return true if {@code line} was the terminator */
    boolean line(byte[] line) {
        if (line.length == 1 && line[0] == '.') {
            return true;
        }
        if (problem != null) {
            return false; // keep reading to the terminator, but store nothing more
        }
        if (hasBareLineEnding(line)) {
            fail(Replies.BARE_LINE_ENDING_IN_DATA);
            return false;
        }
        int offset = line.length > 0 && line[0] == '.' ? 1 : 0;
        int length = line.length - offset;
        if (sink.size() + length + 2 > maxSize) {
            fail(Replies.MESSAGE_TOO_BIG);
            return false;
        }
        try {
            sink.write(line, offset, length);
            sink.write(CRLF, 0, 2);
        } catch (IOException e) {
            fail(Replies.LOCAL_ERROR); // spool disk full or gone: a transient failure for the client
        }
        return false;
    }

    /** The framer dropped a line longer than the limit (RFC 5321 §4.5.3.1.6). */
    void lineTooLong() {
        if (problem == null) {
            fail(Replies.DATA_LINE_TOO_LONG);
        }
    }

    /** The reply the message must get instead of being delivered, or null. */
    SmtpReply problem() {
        return problem;
    }

    MessageSink sink() {
        return sink;
    }

    private void fail(SmtpReply reply) {
        problem = reply;
        sink.discard();
    }

    static boolean hasBareLineEnding(byte[] line) {
        for (byte b : line) {
            if (b == '\r' || b == '\n') {
                return true;
            }
        }
        return false;
    }
}
