package io.serai.imap.protocol.decode;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Modified UTF-7 for IMAP4rev1 mailbox names (RFC 3501 §5.1.3): printable US-ASCII stands for itself except
 * {@code &}, written {@code &-}; everything else is UTF-16BE in modified BASE64 ({@code ,} for {@code /}, no
 * padding) between {@code &} and {@code -}.
 */
public final class ModifiedUtf7 {

    private static final char[] ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+,".toCharArray();

    private ModifiedUtf7() {
    }

    public static String encode(String name) {
        StringBuilder out = new StringBuilder(name.length() + 8);
        int i = 0;
        while (i < name.length()) {
            char c = name.charAt(i);
            if (c == '&') {
                out.append("&-");
                i++;
            } else if (c >= 0x20 && c <= 0x7e) {
                out.append(c);
                i++;
            } else {
                int start = i;
                while (i < name.length() && (name.charAt(i) < 0x20 || name.charAt(i) > 0x7e)) {
                    i++;
                }
                out.append('&').append(base64(name.substring(start, i).getBytes(StandardCharsets.UTF_16BE)))
                        .append('-');
            }
        }
        return out.toString();
    }

    /** Decodes a name; fails on malformed shifts and on printable ASCII that was needlessly encoded. */
    public static String decode(String encoded) throws DecodeException {
        StringBuilder out = new StringBuilder(encoded.length());
        int i = 0;
        while (i < encoded.length()) {
            char c = encoded.charAt(i++);
            if (c > 0x7e || c < 0x20) {
                throw new DecodeException(null, "Mailbox name is not modified UTF-7");
            }
            if (c != '&') {
                out.append(c);
                continue;
            }
            int end = encoded.indexOf('-', i);
            if (end < 0) {
                throw new DecodeException(null, "Unterminated modified UTF-7 shift");
            }
            if (end == i) {
                out.append('&');
            } else {
                String decoded = new String(unbase64(encoded, i, end), StandardCharsets.UTF_16BE);
                for (int k = 0; k < decoded.length(); k++) {
                    char d = decoded.charAt(k);
                    if (d >= 0x20 && d <= 0x7e) {
                        throw new DecodeException(null, "Printable ASCII must not be encoded in modified UTF-7");
                    }
                }
                out.append(decoded);
            }
            i = end + 1;
        }
        return out.toString();
    }

    private static String base64(byte[] bytes) {
        StringBuilder out = new StringBuilder();
        int bits = 0;
        int acc = 0;
        for (byte b : bytes) {
            acc = (acc << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 6) {
                bits -= 6;
                out.append(ALPHABET[(acc >> bits) & 0x3f]);
            }
        }
        if (bits > 0) {
            out.append(ALPHABET[(acc << (6 - bits)) & 0x3f]);
        }
        return out.toString();
    }

    private static byte[] unbase64(String s, int from, int to) throws DecodeException {
        ByteBuffer out = ByteBuffer.allocate((to - from) * 6 / 8 + 1);
        int bits = 0;
        int acc = 0;
        for (int i = from; i < to; i++) {
            int v = value(s.charAt(i));
            acc = ((acc << 6) | v) & 0xffffff;
            bits += 6;
            if (bits >= 8) {
                bits -= 8;
                out.put((byte) (acc >> bits));
            }
        }
        // leftover bits must be zero padding and the octets whole UTF-16 units (RFC 2152 via RFC 3501 §5.1.3)
        if (bits >= 6 || (acc & ((1 << bits) - 1)) != 0 || out.position() == 0 || out.position() % 2 != 0) {
            throw new DecodeException(null, "Malformed modified UTF-7");
        }
        byte[] bytes = new byte[out.position()];
        out.flip().get(bytes);
        return bytes;
    }

    private static int value(char c) throws DecodeException {
        if (c >= 'A' && c <= 'Z') {
            return c - 'A';
        }
        if (c >= 'a' && c <= 'z') {
            return c - 'a' + 26;
        }
        if (c >= '0' && c <= '9') {
            return c - '0' + 52;
        }
        if (c == '+') {
            return 62;
        }
        if (c == ',') {
            return 63;
        }
        throw new DecodeException(null, "Bad character in modified UTF-7");
    }
}
