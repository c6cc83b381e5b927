package io.serai.imap.protocol.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.serai.imap.protocol.request.SequenceSet;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ArgumentReaderTest {

    private static ArgumentReader reader(String s) {
        return new ArgumentReader(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void quotedStringUnescapesQuotedSpecials() throws Exception {
        ArgumentReader in = reader("\"a \\\"b\\\" \\\\c\"");
        assertThat(new String(in.string(), StandardCharsets.UTF_8)).isEqualTo("a \"b\" \\c");
        in.end();
    }

    @Test
    void quotedStringRejectsOtherEscapesAndUnterminated() {
        assertThatThrownBy(() -> reader("\"a\\n\"").string()).isInstanceOf(DecodeException.class);
        assertThatThrownBy(() -> reader("\"abc").string()).hasMessageContaining("Unterminated");
    }

    @Test
    void spSkipsARunOfSpacesButNeedsOne() throws Exception {
        ArgumentReader in = reader("1:9   +FLAGS");
        assertThat(in.sequenceSet()).isNotNull();
        in.sp();
        assertThat(in.peek()).isEqualTo('+');
        assertThatThrownBy(() -> reader("+FLAGS").sp()).isInstanceOf(DecodeException.class);
    }

    @Test
    void literalIsReadByCount() throws Exception {
        ArgumentReader in = reader("{4}\r\na\r\nb) rest");
        assertThat(in.string()).isEqualTo("a\r\nb".getBytes(StandardCharsets.US_ASCII));
        assertThat(in.peek()).isEqualTo(')');
        assertThat(reader("{3+}\r\nabc").astring()).isEqualTo("abc");
        assertThatThrownBy(() -> reader("{9}\r\nabc").string()).hasMessageContaining("shorter");
    }

    @Test
    void astringAcceptsRespSpecialsButAtomDoesNot() throws Exception {
        assertThat(reader("a]b").astring()).isEqualTo("a]b");
        ArgumentReader in = reader("a]b");
        assertThat(in.atom()).isEqualTo("a");
    }

    @Test
    void tildeIsAnAtomCharUnlessItStartsLiteral8() throws Exception {
        assertThat(reader("~peter/mail/&U,BTFw-").astring()).isEqualTo("~peter/mail/&U,BTFw-"); // RFC 3501 §5.1.3
        assertThat(reader("~{3}\r\nabc").astring()).isEqualTo("abc"); // literal8, RFC 3516
    }

    @Test
    void nstringReadsNil() throws Exception {
        assertThat(reader("NIL").nstring()).isNull();
        assertThat(reader("\"x\"").nstring()).isEqualTo("x");
        assertThatThrownBy(() -> reader("FOO").nstring()).isInstanceOf(DecodeException.class);
    }

    @Test
    void sequenceSetsFromRfc9051() throws Exception {
        // RFC 9051 §9 sequence-set example: 2,4:7,9,12:*
        SequenceSet set = reader("2,4:7,9,12:*").sequenceSet();
        assertThat(set.ranges()).containsExactly(new SequenceSet.Range(2, 2), new SequenceSet.Range(4, 7),
                new SequenceSet.Range(9, 9), new SequenceSet.Range(12, SequenceSet.STAR));
        assertThat(set.contains(13, 15)).isTrue();
        assertThat(set.contains(8, 15)).isFalse();
        assertThat(set.contains(3, 15)).isFalse();
        // "*:4" is the same as "4:*"
        assertThat(reader("*:4").sequenceSet().contains(3, 2)).isTrue();
        assertThat(reader("$").sequenceSet().savedResult()).isTrue();
    }

    @Test
    void sequenceSetRejectsZeroAndGarbage() {
        assertThatThrownBy(() -> reader("0").sequenceSet()).isInstanceOf(DecodeException.class);
        assertThatThrownBy(() -> reader("1:").sequenceSet()).isInstanceOf(DecodeException.class);
        assertThatThrownBy(() -> reader(",1").sequenceSet()).isInstanceOf(DecodeException.class);
    }

    @Test
    void numbersAreBoundedToNumber64() throws Exception {
        assertThat(reader("9223372036854775807").number()).isEqualTo(Long.MAX_VALUE);
        assertThatThrownBy(() -> reader("9223372036854775808").number()).hasMessageContaining("too large");
    }

    @Test
    void listMailboxKeepsWildcards() throws Exception {
        assertThat(reader("INBOX/%*").listMailbox()).isEqualTo("INBOX/%*");
    }

    @Test
    void endDetectsTrailingGarbage() throws Exception {
        ArgumentReader in = reader("abc def");
        in.atom();
        assertThatThrownBy(in::end).hasMessageContaining("end of command");
    }
}
