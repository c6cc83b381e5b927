package io.serai.imap.protocol.decode;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CommandFramerTest {

    private final FramerLimits small = new FramerLimits(1024, 100, 2048, 10);

    @Test
    void simpleCommandsSplitAtCrlfEvenWhenPipelined() {
        CommandFramer framer = new CommandFramer(FramerLimits.DEFAULT);
        assertThat(RecordingSink.feed(framer, "a001 NOOP\r\na002 CAPA", "BILITY\r\n"))
                .containsExactly("CMD:a001 NOOP", "CMD:a002 CAPABILITY");
    }

    @Test
    void bareLfIsToleratedAndEmptyLinesAreEmptyFrames() {
        CommandFramer framer = new CommandFramer(FramerLimits.DEFAULT);
        assertThat(RecordingSink.feed(framer, "\r\na NOOP\n")).containsExactly("CMD:", "CMD:a NOOP");
    }

    @Test
    void synchronizingLiteralAsksForContinuationThenReadsExactOctets() {
        // RFC 9051 §7.5 example: A003 LOGIN {11} / FRED FOOBAR {7} / fat man
        CommandFramer framer = new CommandFramer(FramerLimits.DEFAULT);
        assertThat(RecordingSink.feed(framer, "A001 LOGIN {11}\r\n")).containsExactly("+");
        assertThat(RecordingSink.feed(framer, "FRED FOOBAR {7}\r\n")).containsExactly("+");
        assertThat(RecordingSink.feed(framer, "fat man\r\n"))
                .containsExactly("CMD:A001 LOGIN {11}\r\nFRED FOOBAR {7}\r\nfat man");
    }

    @Test
    void literalMayContainCrlfAndBracesAndArriveByteByByte() {
        CommandFramer framer = new CommandFramer(FramerLimits.DEFAULT);
        String input = "x APPEND INBOX {8}\r\na\r\n{2}\r\n\r\n";
        RecordingSink sink = new RecordingSink();
        for (byte b : input.getBytes()) {
            framer.feed(new byte[] {b}, 0, 1, sink);
        }
        assertThat(sink.events).containsExactly("+", "CMD:x APPEND INBOX {8}\r\na\r\n{2}\r\n");
    }

    @Test
    void nonSynchronizingLiteralNeedsNoContinuation() {
        // RFC 7888 §3 LITERAL+ example
        CommandFramer framer = new CommandFramer(FramerLimits.DEFAULT);
        assertThat(RecordingSink.feed(framer, "A001 LOGIN {11+}\r\nFRED FOOBAR {7+}\r\nfat man\r\n"))
                .containsExactly("CMD:A001 LOGIN {11+}\r\nFRED FOOBAR {7+}\r\nfat man");
    }

    @Test
    void oversizedSynchronizingLiteralIsRejectedWithoutContinuationAndFramingRecovers() {
        CommandFramer framer = new CommandFramer(small);
        assertThat(RecordingSink.feed(framer, "t1 APPEND INBOX {101}\r\n", "t2 NOOP\r\n"))
                .containsExactly("ERR:t1:[TOOBIG] Literal too large", "CMD:t2 NOOP");
    }

    @Test
    void literalMinusRejectsBigNonSyncLiteralButSkipsItsOctets() {
        // RFC 7888 §5: LITERAL- servers reject {n+} above 4096 octets (10 here) with BAD
        CommandFramer framer = new CommandFramer(small);
        assertThat(RecordingSink.feed(framer, "t1 LOGIN {11+}\r\nFRED FOOBAR x\r\nt2 NOOP\r\n"))
                .containsExactly("ERR:t1:[TOOBIG] Non-synchronizing literal too large", "CMD:t2 NOOP");
    }

    @Test
    void nonSyncLiteralBeyondEveryBoundClosesTheFramer() {
        CommandFramer framer = new CommandFramer(small);
        assertThat(RecordingSink.feed(framer, "t1 APPEND INBOX {999999+}\r\nxx", "t2 NOOP\r\n"))
                .containsExactly("ERR:t1:[TOOBIG] Literal too large:fatal");
        assertThat(framer.closed()).isTrue();
    }

    @Test
    void overlongLineIsFatal() {
        CommandFramer framer = new CommandFramer(small);
        assertThat(RecordingSink.feed(framer, "t1 " + "x".repeat(1100) + "\r\n"))
                .containsExactly("ERR:t1:Line too long:fatal");
    }

    @Test
    void commandSizeBoundsTheSumOfLiterals() {
        CommandFramer framer = new CommandFramer(new FramerLimits(1024, 100, 1024, 10));
        String big = "y".repeat(100);
        for (int i = 0; i < 9; i++) { // 112 octets, then 108 more per literal: 976 after nine
            assertThat(RecordingSink.feed(framer, i == 0 ? "t1 X {100}\r\n" : big + " {100}\r\n"))
                    .as("literal %d", i).containsExactly("+");
        }
        assertThat(RecordingSink.feed(framer, big + " {100}\r\n")).containsExactly("ERR:t1:[TOOBIG] Literal too large");
    }

    @Test
    void overflowingLiteralSizeIsBad() {
        CommandFramer framer = new CommandFramer(FramerLimits.DEFAULT);
        assertThat(RecordingSink.feed(framer, "t1 X {99999999999999999999}\r\n"))
                .containsExactly("ERR:t1:Literal size out of range");
    }

    @Test
    void zeroLengthLiteral() {
        CommandFramer framer = new CommandFramer(FramerLimits.DEFAULT);
        assertThat(RecordingSink.feed(framer, "t LOGIN {0}\r\n", " \"\"\r\n"))
                .containsExactly("+", "CMD:t LOGIN {0}\r\n \"\"");
    }

    @Test
    void bracesInsideAQuotedStringAtLineEndAreNotALiteral() {
        CommandFramer framer = new CommandFramer(FramerLimits.DEFAULT);
        assertThat(RecordingSink.feed(framer, "t CREATE \"a{3}\"\r\n")).containsExactly("CMD:t CREATE \"a{3}\"");
    }

    @Test
    void errorWithoutValidTagHasNullTag() {
        CommandFramer framer = new CommandFramer(small);
        assertThat(RecordingSink.feed(framer, "+bad X {101}\r\n")).containsExactly("ERR:null:[TOOBIG] Literal too large");
    }
}
