package io.serai.imap.protocol.decode;

import io.serai.imap.protocol.literal.Literal;
import io.serai.imap.protocol.literal.MemoryLiteral;
import io.serai.imap.protocol.literal.SpooledLiteral;
import io.serai.imap.protocol.request.SequenceSet;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A cursor over one framed command (see {@link CommandFramer}) that reads the primitives of the RFC 9051 §9 grammar.
 * Errors are {@link DecodeException}s without a tag; {@link RequestDecoder} adds it.
 */
public final class ArgumentReader {

    private final byte[] buf;
    private final CommandFrame frame;
    private int pos;

    public ArgumentReader(byte[] frame) {
        this(CommandFrame.of(frame));
    }

    /** Reads {@code frame}, whose spooled literals are read from their files where a command needs the octets. */
    public ArgumentReader(CommandFrame frame) {
        this.frame = frame;
        this.buf = frame.bytes();
    }

    public int position() {
        return pos;
    }

    public boolean atEnd() {
        return pos >= buf.length;
    }

    /** Fails unless the whole command was consumed. */
    public void end() throws DecodeException {
        if (!atEnd()) {
            throw error("Unexpected characters at end of command");
        }
    }

    public int peek() {
        return atEnd() ? -1 : buf[pos] & 0xff;
    }

    public boolean tryConsume(char c) {
        if (peek() == c) {
            pos++;
            return true;
        }
        return false;
    }

    /**
     * Consumes {@code word} (ASCII, case-insensitive) if it comes next as a whole atom: the lookahead for optional
     * keywords such as SEARCH's {@code RETURN} and {@code CHARSET}.
     */
    public boolean tryConsumeAtom(String word) {
        int end = pos + word.length();
        if (end > buf.length || (end < buf.length && CharClass.isAtomChar(buf[end] & 0xff))) {
            return false;
        }
        for (int i = 0; i < word.length(); i++) {
            if (Character.toUpperCase(buf[pos + i]) != Character.toUpperCase(word.charAt(i))) {
                return false;
            }
        }
        pos = end;
        return true;
    }

    public void expect(char c) throws DecodeException {
        if (!tryConsume(c)) {
            throw error("Expected '" + c + "'");
        }
    }

    /**
     * The SP between two arguments. RFC 9051 §9 has exactly one, but Dovecot and James accept a run of them (James'
     * MPT scripts send {@code STORE 1:9  +FLAGS}), so the extra ones are skipped rather than answered BAD.
     */
    public void sp() throws DecodeException {
        expect(' ');
        while (peek() == ' ') {
            pos++;
        }
    }

    /** {@code atom}: 1*ATOM-CHAR. */
    public String atom() throws DecodeException {
        return run(CharClass::isAtomChar, "atom");
    }

    /** A name made of letters, digits and dots, e.g. {@code BODY.PEEK} or {@code HEADER.FIELDS} (FETCH items). */
    public String dottedName() throws DecodeException {
        return run(c -> (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.',
                "name");
    }

    /** {@code tag}: 1*(ASTRING-CHAR except "+"). */
    public String tag() throws DecodeException {
        return run(CharClass::isTagChar, "tag");
    }

    /** {@code astring}: 1*ASTRING-CHAR or string, as raw octets. */
    public byte[] astringBytes() throws DecodeException {
        int c = peek();
        // "~" starts literal8 only before "{"; otherwise it is an ordinary ATOM-CHAR, as in "~peter/mail"
        if (c == '"' || c == '{' || (c == '~' && pos + 1 < buf.length && buf[pos + 1] == '{')) {
            return string();
        }
        return run(CharClass::isAstringChar, "astring").getBytes(StandardCharsets.US_ASCII);
    }

    /** {@code astring} decoded as UTF-8 (a superset of the 7-bit IMAP4rev1 text). */
    public String astring() throws DecodeException {
        return new String(astringBytes(), StandardCharsets.UTF_8);
    }

    /** {@code nstring}: string or NIL ({@code null}). */
    public String nstring() throws DecodeException {
        if (peek() != '"' && peek() != '{') {
            String nil = atom();
            if (!nil.equalsIgnoreCase("NIL")) {
                throw error("Expected string or NIL");
            }
            return null;
        }
        return new String(string(), StandardCharsets.UTF_8);
    }

    /** {@code string}: quoted or literal (RFC 9051 §4.3); {@code literal8} (RFC 3516) is accepted too. */
    public byte[] string() throws DecodeException {
        int c = peek();
        if (c == '"') {
            return quoted();
        }
        if (c == '~') {
            pos++;
        }
        if (peek() == '{') {
            return literal();
        }
        throw error("Expected string");
    }

    /** {@code list-mailbox}: 1*list-char or string (RFC 9051 §9), as UTF-8. */
    public String listMailbox() throws DecodeException {
        int c = peek();
        if (c == '"' || c == '{') {
            return new String(string(), StandardCharsets.UTF_8);
        }
        return run(CharClass::isListChar, "list-mailbox");
    }

    /** {@code number64}: 1*DIGIT up to 2^63-1. */
    public long number() throws DecodeException {
        int start = pos;
        long value = 0;
        while (peek() >= '0' && peek() <= '9') {
            value = value * 10 + (buf[pos++] - '0');
            if (value < 0 || pos - start > 19) {
                throw error("Number too large");
            }
        }
        if (pos == start) {
            throw error("Expected number");
        }
        return value;
    }

    /** {@code nz-number}: a number that is not 0 and has no leading zero. */
    public long nzNumber() throws DecodeException {
        if (peek() == '0') {
            throw error("Expected non-zero number");
        }
        return number();
    }

    /** {@code sequence-set} or {@code "$"} (RFC 5182). */
    public SequenceSet sequenceSet() throws DecodeException {
        if (tryConsume('$')) {
            return SequenceSet.SAVED;
        }
        List<SequenceSet.Range> ranges = new ArrayList<>();
        do {
            long low = seqNumber();
            long high = tryConsume(':') ? seqNumber() : low;
            ranges.add(new SequenceSet.Range(low, high));
        } while (tryConsume(','));
        return new SequenceSet(ranges, false);
    }

    /** A parenthesized list of atoms, e.g. ENABLE's or STATUS's items; {@code ()} is allowed when {@code allowEmpty}. */
    public List<String> atomList(boolean allowEmpty) throws DecodeException {
        expect('(');
        List<String> atoms = new ArrayList<>();
        if (!tryConsume(')')) {
            do {
                atoms.add(atom());
            } while (tryConsume(' '));
            expect(')');
        }
        if (atoms.isEmpty() && !allowEmpty) {
            throw error("Empty list");
        }
        return atoms;
    }

    public DecodeException error(String message) {
        return new DecodeException(null, message);
    }

    private long seqNumber() throws DecodeException {
        return tryConsume('*') ? SequenceSet.STAR : nzNumber();
    }

    private byte[] quoted() throws DecodeException {
        pos++; // DQUOTE
        byte[] out = new byte[16];
        int n = 0;
        while (true) {
            if (atEnd()) {
                throw error("Unterminated quoted string");
            }
            int c = buf[pos++] & 0xff;
            if (c == '"') {
                return Arrays.copyOf(out, n);
            }
            if (c == '\\') {
                c = peek();
                if (c != '"' && c != '\\') {
                    throw error("Bad escape in quoted string"); // only quoted-specials may be escaped
                }
                pos++;
            } else if (c == '\r' || c == '\n' || c == 0) {
                throw error("Bad character in quoted string");
            }
            if (n == out.length) {
                out = Arrays.copyOf(out, n * 2);
            }
            out[n++] = (byte) c;
        }
    }

    /**
     * A {@code literal} or {@code literal8} as it is held, without copying a spooled one into memory: APPEND's
     * message (RFC 9051 §6.3.12) goes to the store as a stream.
     */
    public Literal literalContent() throws DecodeException {
        tryConsume('~');
        if (peek() != '{') {
            throw error("Expected literal");
        }
        long size = literalHeader();
        SpooledLiteral spooled = frame.spooledAt(pos);
        if (spooled != null) {
            return checked(spooled, size);
        }
        return new MemoryLiteral(literalData(size));
    }

    private byte[] literal() throws DecodeException {
        long size = literalHeader();
        SpooledLiteral spooled = frame.spooledAt(pos);
        if (spooled == null) {
            return literalData(size);
        }
        try {
            // another command's argument that was large enough to spool: it is bounded by the literal size limit
            return checked(spooled, size).readAll();
        } catch (IOException e) {
            throw error("[UNAVAILABLE] Cannot read the spooled literal");
        }
    }

    private SpooledLiteral checked(SpooledLiteral spooled, long size) throws DecodeException {
        if (spooled.size() != size) {
            throw error("Literal shorter than announced");
        }
        return spooled;
    }

    /** {@code "{" number64 ["+"] "}" CRLF}, leaving the position at the first octet of the data. */
    private long literalHeader() throws DecodeException {
        pos++; // "{"
        long size = number();
        tryConsume('+');
        expect('}');
        expect('\r');
        expect('\n');
        return size;
    }

    private byte[] literalData(long size) throws DecodeException {
        if (size > buf.length - pos) {
            throw error("Literal shorter than announced");
        }
        byte[] data = Arrays.copyOfRange(buf, pos, pos + (int) size);
        pos += (int) size;
        return data;
    }

    private String run(java.util.function.IntPredicate allowed, String what) throws DecodeException {
        int start = pos;
        while (!atEnd() && allowed.test(buf[pos] & 0xff)) {
            pos++;
        }
        if (pos == start) {
            throw error("Expected " + what);
        }
        return new String(buf, start, pos - start, StandardCharsets.US_ASCII);
    }
}
