package io.serai.imap.protocol.encode;

import io.serai.imap.protocol.decode.CharClass;
import io.serai.imap.protocol.decode.MailboxNames;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes the primitives of server responses (RFC 9051 §4, §9). Strings pick the cheapest valid form: quoted when
 * every octet is a TEXT-CHAR other than CR/LF, a literal otherwise. IMAP4rev1 quoted strings are 7-bit
 * (RFC 3501 §4.3); once IMAP4rev2 or UTF8=ACCEPT is enabled they may carry UTF-8 (RFC 9051 §4.3, RFC 6855 §3),
 * so {@code utf8} decides whether 8-bit text is quoted or sent as a literal. Mailbox names are modified UTF-7
 * unless {@code utf8}.
 */
public final class ImapWriter {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream(128);
    private final boolean utf8;

    public ImapWriter(boolean utf8) {
        this.utf8 = utf8;
    }

    /** Raw protocol text: atoms, numbers, keywords, parentheses. The caller guarantees it is 7-bit. */
    public ImapWriter raw(String ascii) {
        out.writeBytes(ascii.getBytes(StandardCharsets.US_ASCII));
        return this;
    }

    public ImapWriter sp() {
        out.write(' ');
        return this;
    }

    public ImapWriter number(long n) {
        return raw(Long.toString(n));
    }

    public ImapWriter crlf() {
        out.write('\r');
        out.write('\n');
        return this;
    }

    public ImapWriter nil() {
        return raw("NIL");
    }

    /** {@code string}: quoted if possible, else a synchronizing literal (servers never wait, RFC 9051 §4.3). */
    public ImapWriter string(String s) {
        return string(s.getBytes(StandardCharsets.UTF_8));
    }

    /** {@code string} of raw octets (header values as stored): quoted when every octet allows it, else a literal. */
    public ImapWriter string(byte[] bytes) {
        if (quotable(bytes)) {
            out.write('"');
            for (byte b : bytes) {
                if (b == '"' || b == '\\') {
                    out.write('\\');
                }
                out.write(b);
            }
            out.write('"');
        } else {
            raw("{" + bytes.length + "}").crlf();
            out.writeBytes(bytes);
        }
        return this;
    }

    /** {@code nstring}: a string or NIL. */
    public ImapWriter nstring(String s) {
        return s == null ? nil() : string(s);
    }

    /** {@code astring}: bare when it is a non-empty run of ASTRING-CHARs other than NIL, else a string. */
    public ImapWriter astring(String s) {
        if (!s.isEmpty() && !s.equalsIgnoreCase("NIL") && s.chars().allMatch(CharClass::isAstringChar)) {
            return raw(s);
        }
        return string(s);
    }

    /** {@code mailbox}: modified UTF-7 for IMAP4rev1 clients; {@code INBOX} is always bare. */
    public ImapWriter mailbox(String name) {
        return astring(MailboxNames.encode(name, utf8));
    }

    /** {@code nstring} of raw octets. */
    public ImapWriter nstringOctets(byte[] bytes) {
        return bytes == null ? nil() : string(bytes);
    }

    /** Raw octets as they are, e.g. a literal's data after its {@code {n}} prefix. */
    public ImapWriter bytes(byte[] bytes) {
        out.writeBytes(bytes);
        return this;
    }

    /** The octets written so far, after which the writer starts empty (for responses written in pieces). */
    public byte[] take() {
        byte[] bytes = out.toByteArray();
        out.reset();
        return bytes;
    }

    public byte[] toByteArray() {
        return out.toByteArray();
    }

    private boolean quotable(byte[] bytes) {
        if (bytes.length > 1024) {
            return false; // long values read better as literals and need no escaping
        }
        for (byte b : bytes) {
            if (b == '\r' || b == '\n' || b == 0 || (b < 0 && !utf8)) {
                return false;
            }
        }
        return true;
    }
}
