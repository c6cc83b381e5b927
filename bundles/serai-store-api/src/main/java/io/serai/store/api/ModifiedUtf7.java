package io.serai.store.api;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * IMAP's modified UTF-7 (RFC 3501 section 5.1.3), for IMAP4rev1 mailbox names on the wire and for the Maildir++
 * folder names Dovecot writes on disk:
 * printable US-ASCII stands for itself, {@code &} is written {@code &-}, and everything else is UTF-16BE in
 * base64 with {@code ,} for {@code /}, no padding, between {@code &} and {@code -}.
 */
public final class ModifiedUtf7 {
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+,";

    private ModifiedUtf7() {
    }

    public static String encode(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '&') {
                out.append("&-");
                i++;
            } else if (c >= 0x20 && c <= 0x7e) {
                out.append(c);
                i++;
            } else {
                int end = i;
                while (end < text.length() && (text.charAt(end) < 0x20 || text.charAt(end) > 0x7e)) {
                    end++;
                }
                out.append('&').append(base64(text.substring(i, end).getBytes(StandardCharsets.UTF_16BE)))
                        .append('-');
                i = end;
            }
        }
        return out.toString();
    }

    /**
     * Decodes strictly, as RFC 3501 asks: a shift sequence must be closed, hold whole UTF-16 units with zero
     * padding bits, and not encode printable ASCII.
     *
     * @throws IllegalArgumentException if {@code encoded} is not valid modified UTF-7
     */
    public static String decode(String encoded) {
        StringBuilder out = new StringBuilder(encoded.length());
        int i = 0;
        while (i < encoded.length()) {
            char c = encoded.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                throw new IllegalArgumentException("not 7-bit printable: " + encoded);
            }
            if (c != '&') {
                out.append(c);
                i++;
                continue;
            }
            int end = encoded.indexOf('-', i + 1);
            if (end < 0) {
                throw new IllegalArgumentException("unterminated '&' sequence: " + encoded);
            }
            if (end == i + 1) {
                out.append('&');
            } else {
                out.append(decodeShift(encoded.substring(i + 1, end), encoded));
            }
            i = end + 1;
        }
        return out.toString();
    }

    private static String decodeShift(String b64, String whole) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int bits = 0;
        int bitCount = 0;
        for (int k = 0; k < b64.length(); k++) {
            int v = ALPHABET.indexOf(b64.charAt(k));
            if (v < 0) {
                throw new IllegalArgumentException("bad base64 in " + whole);
            }
            bits = (bits << 6) | v;
            bitCount += 6;
            if (bitCount >= 8) {
                bitCount -= 8;
                bytes.write((bits >> bitCount) & 0xff);
            }
        }
        if (bitCount >= 6 || (bits & ((1 << bitCount) - 1)) != 0 || bytes.size() % 2 != 0) {
            throw new IllegalArgumentException("bad padding in " + whole);
        }
        String text = new String(bytes.toByteArray(), StandardCharsets.UTF_16BE);
        for (int k = 0; k < text.length(); k++) {
            char ch = text.charAt(k);
            if (ch >= 0x20 && ch <= 0x7e) {
                throw new IllegalArgumentException("printable ASCII must not be base64-encoded: " + whole);
            }
        }
        return text;
    }

    private static String base64(byte[] data) {
        StringBuilder out = new StringBuilder();
        int bits = 0;
        int bitCount = 0;
        for (byte b : data) {
            bits = (bits << 8) | (b & 0xff);
            bitCount += 8;
            while (bitCount >= 6) {
                bitCount -= 6;
                out.append(ALPHABET.charAt((bits >> bitCount) & 0x3f));
            }
        }
        if (bitCount > 0) {
            out.append(ALPHABET.charAt((bits << (6 - bitCount)) & 0x3f));
        }
        return out.toString();
    }
}
