package io.serai.imap.protocol.decode;

/**
 * A literal announced at the end of a line: {@code "{" number64 ["+"] "}"} (RFC 9051 §9 {@code literal},
 * RFC 7888 {@code literal+}). {@code ~{n}} (literal8, RFC 3516) ends the same way and is framed the same way.
 *
 * @param size          the octet count, or -1 if the digits overflow {@code number64}
 * @param synchronizing whether the client waits for a continuation
 */
record LiteralAnnouncement(long size, boolean synchronizing) {

    /** The announcement ending {@code line[0, length)}, or {@code null} if the line does not end with one. */
    static LiteralAnnouncement atEndOf(byte[] line, int length) {
        int i = length - 1;
        if (i < 2 || line[i] != '}') {
            return null;
        }
        i--;
        boolean plus = line[i] == '+';
        if (plus) {
            i--;
        }
        int lastDigit = i;
        while (i >= 0 && line[i] >= '0' && line[i] <= '9') {
            i--;
        }
        if (i < 0 || i == lastDigit || line[i] != '{') {
            return null;
        }
        int digits = lastDigit - i;
        if (digits > 19) {
            return new LiteralAnnouncement(-1, !plus);
        }
        long size = 0;
        for (int d = i + 1; d <= lastDigit; d++) {
            size = size * 10 + (line[d] - '0');
            if (size < 0) {
                return new LiteralAnnouncement(-1, !plus);
            }
        }
        return new LiteralAnnouncement(size, !plus);
    }
}
