package io.serai.pop3.protocol;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Encodes POP3 replies (RFC 1939 §3): a status line, and for multi-line replies the lines byte-stuffed and
 * ended by a line holding only ".". Response codes in brackets follow RFC 2449 §8 (IN-USE, SYS/TEMP) and
 * RFC 3206 (AUTH).
 */
public final class Replies {

    public static final String IN_USE = "IN-USE";
    public static final String AUTH = "AUTH";
    public static final String SYS_TEMP = "SYS/TEMP";

    private static final byte[] CRLF = {'\r', '\n'};

    private Replies() {
    }

    public static byte[] ok(String text) {
        return line(text.isEmpty() ? "+OK" : "+OK " + text);
    }

    public static byte[] err(String text) {
        return line("-ERR " + text);
    }

    /** {@code -ERR [code] text}. */
    public static byte[] err(String code, String text) {
        return line("-ERR [" + code + "] " + text);
    }

    /** A SASL continuation (RFC 5034 §4): "+" SP base64. */
    static byte[] continuation(String base64) {
        return line("+ " + base64);
    }

    /** {@code +OK text} followed by {@code lines} (stuffed) and the terminating "." line. */
    static byte[] multiLine(String text, List<String> lines) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 + lines.size() * 16);
        out.writeBytes(ok(text));
        for (String l : lines) {
            if (l.startsWith(".")) {
                out.write('.'); // RFC 1939 §3: byte-stuff a line that starts with the termination octet
            }
            out.writeBytes(l.getBytes(StandardCharsets.US_ASCII));
            out.writeBytes(CRLF);
        }
        out.writeBytes(line("."));
        return out.toByteArray();
    }

    static byte[] line(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[bytes.length + 2];
        System.arraycopy(bytes, 0, out, 0, bytes.length);
        out[bytes.length] = '\r';
        out[bytes.length + 1] = '\n';
        return out;
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
