package io.serai.store.transfer;

import java.nio.charset.StandardCharsets;

/** Byte fixtures written as strings: ISO-8859-1 maps every char to the same octet, so nothing is re-encoded. */
final class Bytes {
    private Bytes() {
    }

    static byte[] of(String latin1) {
        return latin1.getBytes(StandardCharsets.ISO_8859_1);
    }

    static String latin1(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    static String crlf(String lf) {
        return lf.replace("\r\n", "\n").replace("\n", "\r\n");
    }

    static String lf(String crlf) {
        return crlf.replace("\r\n", "\n");
    }
}
