package io.serai.camel.mailbox.mime;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decodes RFC 2047 encoded-words ({@code =?charset?B|Q?text?=}) in an unfolded header value: the header values the
 * {@code mailbox:} consumer puts on the exchange, and attachment names sent that way. Any charset Java knows is
 * accepted; an RFC 2231 §5 language suffix ({@code UTF-8*de}) is ignored. Whitespace between two adjacent encoded-words is dropped
 * (RFC 2047 §6.2), and adjacent words of one charset are decoded together, so a character that a sender split
 * across two words still comes out whole. A word with an unknown charset, bad base64, a bad {@code =XX} escape or
 * bytes that are not valid in its charset is left as it is, as is everything that is not an encoded-word.
 */
public final class EncodedWords {

    /** RFC 2047 §2: no spaces or '?' inside; the 75-character limit is not enforced, senders exceed it. */
    private static final Pattern WORD = Pattern.compile("=\\?([^?\\s]+)\\?([BbQq])\\?([^?\\s]*)\\?=");

    private EncodedWords() {
    }

    /** {@code value} with its encoded-words decoded; null stays null. */
    public static String decode(String value) {
        if (value == null || !value.contains("=?")) {
            return value;
        }
        StringBuilder out = new StringBuilder(value.length());
        Matcher m = WORD.matcher(value);
        Run run = null;
        int copied = 0;
        while (m.find()) {
            Charset charset = charset(m.group(1));
            byte[] bytes = charset == null ? null : bytes(m.group(2), m.group(3));
            if (bytes == null) {
                continue; // malformed: stays in the text, and separates the words around it
            }
            String gap = value.substring(copied, m.start());
            if (run != null && isWhitespace(gap) && run.charset.equals(charset)) {
                run.add(bytes, m.end()); // §6.2: the whitespace between adjacent encoded-words is not shown
            } else {
                if (run != null) {
                    run.appendTo(out, value);
                }
                if (run == null || !isWhitespace(gap)) {
                    out.append(gap);
                }
                run = new Run(charset, m.start());
                run.add(bytes, m.end());
            }
            copied = m.end();
        }
        if (run != null) {
            run.appendTo(out, value);
        }
        return out.append(value, copied, value.length()).toString();
    }

    /** Adjacent encoded-words of one charset, their bytes not yet decoded. */
    private static final class Run {
        final Charset charset;
        final int start;
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int end;

        Run(Charset charset, int start) {
            this.charset = charset;
            this.start = start;
        }

        void add(byte[] decoded, int wordEnd) {
            bytes.writeBytes(decoded);
            end = wordEnd;
        }

        void appendTo(StringBuilder out, String value) {
            try {
                out.append(charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray())));
            } catch (CharacterCodingException e) {
                out.append(value, start, end); // not text in the charset it names: left as it was sent
            }
        }
    }

    private static Charset charset(String name) {
        int star = name.indexOf('*');
        try {
            return Charset.forName(star < 0 ? name : name.substring(0, star));
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return null;
        }
    }

    /** The octets of the encoded-text, or null when it is not valid in its encoding. */
    private static byte[] bytes(String encoding, String text) {
        return encoding.equalsIgnoreCase("B") ? base64(text) : q(text);
    }

    /** RFC 2047 §4.1: base64 (RFC 2045 §6.8); missing padding is tolerated, other errors are not. */
    private static byte[] base64(String text) {
        if (text.length() % 4 == 1) {
            return null;
        }
        String padded = text.length() % 4 == 0 ? text : text + "==".substring(0, 4 - text.length() % 4);
        try {
            return Base64.getDecoder().decode(padded);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** RFC 2047 §4.2: {@code _} is a space, {@code =XX} an octet in hex, anything else itself. */
    private static byte[] q(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '_') {
                out.write(' ');
            } else if (c == '=') {
                int octet = escapedOctet(text, i);
                if (octet < 0) {
                    return null;
                }
                out.write(octet);
                i += 2;
            } else if (c > 0x20 && c < 0x7f) {
                out.write(c);
            } else {
                return null;
            }
        }
        return out.toByteArray();
    }

    /**
     * The octet written as two hex digits after the escape character at {@code escape} ({@code =XX} here,
     * {@code %XX} in RFC 2231), either case as decoders should accept (RFC 2047 §4.2); -1 when there are none.
     */
    static int escapedOctet(String text, int escape) {
        if (escape + 2 >= text.length()) {
            return -1;
        }
        int hi = hex(text.charAt(escape + 1));
        int lo = hex(text.charAt(escape + 2));
        return hi < 0 || lo < 0 ? -1 : hi << 4 | lo;
    }

    private static int hex(char c) {
        return c < 0x80 ? Character.digit(c, 16) : -1;
    }

    private static boolean isWhitespace(String gap) {
        return gap.chars().allMatch(c -> c == ' ' || c == '\t' || c == '\r' || c == '\n');
    }
}
